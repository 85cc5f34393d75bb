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
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.broker.LocalBrokerOnLan;
import io.mqttdevices.core.broker.LocalBrokerOnLan.Credentials;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.templates.Problem.Field;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.ui.internal.Messages;

/**
 * Wi-Fi and broker: which broker (this computer's, another, Adafruit IO), host, port, TLS, credentials, client id,
 * topics. "This computer's broker" fills in one of this computer's LAN addresses and the local broker's port,
 * username and password (a new one when it has none); Finish then makes the local broker listen on the LAN.
 */
class BrokerPage extends SpecPage {

	private Text ssid;
	private Text wifiPassword;
	private Button localBroker;
	private Button otherBroker;
	private Button adafruitIo;
	private Combo lanAddress;
	/** What choosing this computer's broker filled in (null: not chosen). */
	private Credentials localCredentials;
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
		new Label(page, SWT.NONE).setText(Messages.BrokerPage_broker);
		Composite choices = new Composite(page, SWT.NONE);
		choices.setLayout(new GridLayout(1, false));
		localBroker = radio(choices, Messages.BrokerPage_localBroker);
		otherBroker = radio(choices, Messages.BrokerPage_otherBroker);
		adafruitIo = radio(choices, Messages.BrokerPage_adafruitIo);
		otherBroker.setSelection(true);
		new Label(page, SWT.NONE).setText(Messages.BrokerPage_lanAddress);
		lanAddress = new Combo(page, SWT.READ_ONLY);
		lanAddress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		lanAddress.setEnabled(false);
		lanAddress.addListener(SWT.Selection, e -> host.setText(lanAddress.getText()));
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

	/** One of the broker choices; choosing it clears the others (as a click does) and fills in its fields. */
	private Button radio(Composite parent, String label) {
		Button radio = new Button(parent, SWT.RADIO);
		radio.setText(label);
		radio.addListener(SWT.Selection, e -> {
			if (radio.getSelection()) {
				for (Button other : new Button[] { localBroker, otherBroker, adafruitIo }) {
					if (other != radio) {
						other.setSelection(false);
					}
				}
				brokerChosen();
			}
		});
		return radio;
	}

	private void brokerChosen() {
		if (localCredentials != null && !localBroker.getSelection()) {
			// leaving this computer's broker: take back what it filled in and the user kept
			clearIfUnchanged(host, lanAddress.getText());
			clearIfUnchanged(username, localCredentials.username());
			clearIfUnchanged(password, new String(localCredentials.password()));
			localCredentials = null;
		}
		lanAddress.setEnabled(localBroker.getSelection());
		if (localBroker.getSelection()) {
			presetLocalBroker();
		} else if (adafruitIo.getSelection()) {
			host.setText(ProjectSpec.ADAFRUIT_IO_HOST);
			tls.setSelection(true);
			port.setText(Integer.toString(ProjectSpec.DEFAULT_TLS_PORT));
		}
		boolean aio = adafruitIo.getSelection();
		feed.setEnabled(aio);
		topicPrefix.setEnabled(!aio);
		if (aio) {
			touched(Field.TOPIC_PREFIX); // Adafruit IO refuses Home Assistant discovery: say so at once
		}
		changed();
	}

	/** This computer's broker: its likeliest LAN address, the local broker's port and credentials, no TLS. */
	private void presetLocalBroker() {
		List<String> addresses = LanAddresses.choose(LanAddresses.ofThisComputer());
		lanAddress.setItems(addresses.toArray(String[]::new));
		if (!addresses.isEmpty()) {
			lanAddress.select(0);
			host.setText(addresses.get(0));
		}
		try {
			localCredentials = LocalBrokerOnLan.proposed();
		} catch (StorageException e) {
			ILog.of(getClass()).warn("Cannot read the local broker's password from secure storage", e); //$NON-NLS-1$
			localCredentials = new Credentials(LocalBrokerOnLan.DEFAULT_USERNAME, LocalBrokerOnLan.newPassword());
		}
		tls.setSelection(false);
		port.setText(Integer.toString(LocalBrokerPreferences.port()));
		username.setText(localCredentials.username());
		password.setText(new String(localCredentials.password()));
	}

	private static void clearIfUnchanged(Text text, String filled) {
		if (text.getText().equals(filled)) {
			text.setText(""); //$NON-NLS-1$
		}
	}

	/** The local broker's username and password when this computer's broker is chosen, else null. */
	Credentials localBrokerCredentials() {
		return localBroker.getSelection() ? new Credentials(username.getText().trim(), password.getText().toCharArray())
				: null;
	}

	@Override
	ProjectSpec apply(ProjectSpec spec) {
		return new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), ssid.getText(),
				wifiPassword.getText(), host.getText().trim(), parseInt(port.getText()), tls.getSelection(),
				username.getText().trim(), password.getText(), clientId.getText().trim(), topicPrefix.getText().trim(),
				spec.intervalSeconds(), adafruitIo.getSelection(), feed.getText().trim(), spec.homeAssistant());
	}
}
