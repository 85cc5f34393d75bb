/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.explorer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicMessage.UserProperty;
import io.mqttdevices.ui.internal.Messages;

/**
 * A message to publish: topic, payload, QoS, retain, and on MQTT 5 content type, user properties
 * ({@code key=value}, one a line) and expiry. The publishing itself is the caller's, off the UI thread.
 */
public final class PublishDialog extends TitleAreaDialog {

	private final String initialTopic;
	private final boolean mqtt5;
	private Text topic;
	private Text payload;
	private Combo qos;
	private Button retain;
	private Text contentType;
	private Text userProperties;
	private Text expiry;
	private OutgoingMessage result;

	public PublishDialog(Shell shell, String topic, boolean mqtt5) {
		super(shell);
		this.initialTopic = topic == null ? "" : topic; //$NON-NLS-1$
		this.mqtt5 = mqtt5;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.PublishDialog_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(Messages.PublishDialog_title);
		setMessage(mqtt5 ? Messages.PublishDialog_message : Messages.PublishDialog_messageV3);
		Composite area = (Composite) super.createDialogArea(parent);
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		topic = text(form, Messages.PublishDialog_topic, SWT.SINGLE, 0);
		topic.setText(initialTopic);
		payload = text(form, Messages.PublishDialog_payload, SWT.MULTI | SWT.V_SCROLL | SWT.WRAP, 120);
		new Label(form, SWT.NONE).setText(Messages.PublishDialog_qos);
		qos = new Combo(form, SWT.READ_ONLY);
		qos.setItems("0", "1", "2"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		qos.select(1);
		new Label(form, SWT.NONE);
		retain = new Button(form, SWT.CHECK);
		retain.setText(Messages.PublishDialog_retain);
		contentType = text(form, Messages.PublishDialog_contentType, SWT.SINGLE, 0);
		userProperties = text(form, Messages.PublishDialog_userProperties, SWT.MULTI | SWT.V_SCROLL, 50);
		expiry = text(form, Messages.PublishDialog_expiry, SWT.SINGLE, 0);
		for (Text t : new Text[] { contentType, userProperties, expiry }) {
			t.setEnabled(mqtt5);
		}
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.PublishDialog_publish, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	@Override
	protected void okPressed() {
		if (validate()) {
			super.okPressed();
		}
	}

	public OutgoingMessage message() {
		return result;
	}

	private boolean validate() {
		String error = build();
		setErrorMessage(error);
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(error == null);
		}
		return error == null;
	}

	private String build() {
		if (topic == null) {
			return null;
		}
		String t = topic.getText();
		if (t.isEmpty() || t.contains("+") || t.contains("#")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Messages.PublishDialog_badTopic;
		}
		List<UserProperty> user = new ArrayList<>();
		for (String line : userProperties.getText().split("\n")) { //$NON-NLS-1$
			if (line.isBlank()) {
				continue;
			}
			int eq = line.indexOf('=');
			if (eq <= 0) {
				return Messages.PublishDialog_badUserProperty;
			}
			user.add(new UserProperty(line.substring(0, eq).trim(), line.substring(eq + 1).trim()));
		}
		Long expirySeconds = null;
		if (!expiry.getText().isBlank()) {
			try {
				expirySeconds = Long.parseLong(expiry.getText().trim());
			} catch (NumberFormatException e) {
				return Messages.PublishDialog_badExpiry;
			}
			if (expirySeconds < 0 || expirySeconds > 0xFFFFFFFFL) {
				return Messages.PublishDialog_badExpiry;
			}
		}
		result = new OutgoingMessage(t, payload.getText().getBytes(StandardCharsets.UTF_8), qos.getSelectionIndex(),
				retain.getSelection(), mqtt5 ? contentType.getText().trim() : null, mqtt5 ? user : List.of(),
				mqtt5 ? expirySeconds : null);
		return null;
	}

	private Text text(Composite form, String label, int style, int height) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, SWT.BORDER | style);
		GridData data = new GridData(SWT.FILL, height > 0 ? SWT.FILL : SWT.CENTER, true, height > 0);
		data.widthHint = 400;
		if (height > 0) {
			data.heightHint = height;
		}
		text.setLayoutData(data);
		text.addModifyListener(e -> validate());
		return text;
	}
}
