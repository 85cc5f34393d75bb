/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.wizards;

import java.util.EnumSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.templates.Problem.Field;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.ui.internal.Messages;

/** Wi-Fi and broker: host, port, TLS, credentials, client id, topics, and the Adafruit IO preset. */
class BrokerPage extends SpecPage {

	private Text ssid;
	private Text wifiPassword;
	private Button adafruitIo;
	private Text host;
	private Text port;
	private Button tls;
	private Text username;
	private Text password;
	private Text clientId;
	private Text topicPrefix;
	private Text feed;

	BrokerPage(NewSensorProjectWizard wizard) {
		super("broker", wizard, EnumSet.of(Field.WIFI_SSID, Field.HOST, Field.PORT, Field.USERNAME, Field.PASSWORD, //$NON-NLS-1$
				Field.CLIENT_ID, Field.TOPIC_PREFIX, Field.FEED));
		setTitle(Messages.BrokerPage_title);
		setDescription(Messages.BrokerPage_description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));
		ProjectSpec defaults = ProjectSpec.defaults(""); //$NON-NLS-1$
		ssid = text(page, Messages.BrokerPage_ssid, "", SWT.NONE, Field.WIFI_SSID); //$NON-NLS-1$
		wifiPassword = text(page, Messages.BrokerPage_wifiPassword, "", SWT.PASSWORD, null); //$NON-NLS-1$
		adafruitIo = check(page, Messages.BrokerPage_adafruitIo, false);
		adafruitIo.addListener(SWT.Selection, e -> presetAdafruitIo());
		host = text(page, Messages.BrokerPage_host, "", SWT.NONE, Field.HOST); //$NON-NLS-1$
		port = text(page, Messages.BrokerPage_port, Integer.toString(defaults.port()), SWT.NONE, Field.PORT);
		tls = check(page, Messages.BrokerPage_tls, false);
		tls.addListener(SWT.Selection, e -> port.setText(Integer.toString(
				tls.getSelection() ? ProjectSpec.DEFAULT_TLS_PORT : ProjectSpec.DEFAULT_PORT)));
		username = text(page, Messages.BrokerPage_username, "", SWT.NONE, Field.USERNAME); //$NON-NLS-1$
		password = text(page, Messages.BrokerPage_password, "", SWT.PASSWORD, Field.PASSWORD); //$NON-NLS-1$
		clientId = text(page, Messages.BrokerPage_clientId, "", SWT.NONE, Field.CLIENT_ID); //$NON-NLS-1$
		clientId.setMessage(Messages.BrokerPage_clientIdHint);
		topicPrefix = text(page, Messages.BrokerPage_topicPrefix, defaults.topicPrefix(), SWT.NONE, Field.TOPIC_PREFIX);
		feed = text(page, Messages.BrokerPage_feed, "", SWT.NONE, Field.FEED); //$NON-NLS-1$
		feed.setEnabled(false);
		setControl(page);
		changed();
	}

	/** Adafruit IO: its host, TLS on 8883, and feeds instead of a topic prefix. */
	private void presetAdafruitIo() {
		boolean on = adafruitIo.getSelection();
		if (on) {
			host.setText(ProjectSpec.ADAFRUIT_IO_HOST);
			tls.setSelection(true);
			port.setText(Integer.toString(ProjectSpec.DEFAULT_TLS_PORT));
		}
		feed.setEnabled(on);
		topicPrefix.setEnabled(!on);
		touched(Field.TOPIC_PREFIX); // Adafruit IO refuses Home Assistant discovery: say so at once
		changed();
	}

	@Override
	ProjectSpec apply(ProjectSpec spec) {
		return new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), ssid.getText(),
				wifiPassword.getText(), host.getText().trim(), parseInt(port.getText()), tls.getSelection(),
				username.getText().trim(), password.getText(), clientId.getText().trim(), topicPrefix.getText().trim(),
				spec.intervalSeconds(), adafruitIo.getSelection(), feed.getText().trim(), spec.homeAssistant());
	}
}
