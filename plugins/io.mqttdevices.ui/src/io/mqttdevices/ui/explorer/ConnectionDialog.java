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

import java.util.List;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.ui.internal.Messages;

/**
 * Edits a connection profile and asks for its secrets: host, port, MQTT 5 or 3.1.1, client id, user and password,
 * keep-alive, clean start, TLS files, subscriptions. Checks as you type; "Connect" stays disabled until it is right.
 * Only widgets here: saving and connecting are the caller's, off the UI thread.
 */
public final class ConnectionDialog extends TitleAreaDialog {

	private final ProfileStore store;
	private ConnectionProfile initial;
	private char[] initialPassword;
	private char[] initialKeyPassword;
	private SavedProfiles saved;
	private Text name;
	private Text host;
	private Text port;
	private Combo version;
	private Text clientId;
	private Text username;
	private Text password;
	private Text keepAlive;
	private Button cleanStart;
	private Button tls;
	private Text caFile;
	private Text certificate;
	private Text key;
	private Text keyPassword;
	private Text subscriptions;
	private Button save;
	private ConnectionProfile result;
	private char[] resultPassword;
	private char[] resultKeyPassword;
	private boolean saveResult;

	/** With a store, saved profiles can be picked, imported and exported; without one only this profile is edited. */
	public ConnectionDialog(Shell shell, ProfileStore store, ConnectionProfile profile, char[] password,
			char[] keyPassword) {
		super(shell);
		this.store = store;
		this.initial = profile;
		this.initialPassword = password;
		this.initialKeyPassword = keyPassword;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.ConnectionDialog_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(Messages.ConnectionDialog_title);
		setMessage(Messages.ConnectionDialog_message);
		Composite area = (Composite) super.createDialogArea(parent);
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(3, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		if (store != null) {
			saved = new SavedProfiles(form, store, new SavedProfiles.Owner() {
				@Override
				public void fill(ConnectionProfile profile, char[] pw, char[] keyPw) {
					ConnectionDialog.this.fill(profile, pw, keyPw);
				}

				@Override
				public void info(String text) {
					setErrorMessage(null);
					setMessage(text);
				}

				@Override
				public void error(String text) {
					setErrorMessage(text);
				}
			}, initial.id());
		}
		name = field(form, Messages.ConnectionDialog_name, initial.name(), SWT.NONE);
		host = field(form, Messages.ConnectionDialog_host, initial.host(), SWT.NONE);
		port = field(form, Messages.ConnectionDialog_port, String.valueOf(initial.port()), SWT.NONE);
		label(form, Messages.ConnectionDialog_version);
		version = new Combo(form, SWT.READ_ONLY);
		for (MqttVersion v : MqttVersion.values()) {
			version.add(versionLabel(v));
		}
		version.select(initial.version().ordinal());
		span(version);
		clientId = field(form, Messages.ConnectionDialog_clientId, initial.clientId(), SWT.NONE);
		clientId.setMessage(Messages.ConnectionDialog_clientIdHint);
		username = field(form, Messages.ConnectionDialog_username, initial.username(), SWT.NONE);
		password = field(form, Messages.ConnectionDialog_password,
				initialPassword == null ? "" : new String(initialPassword), SWT.PASSWORD); //$NON-NLS-1$
		keepAlive = field(form, Messages.ConnectionDialog_keepAlive, String.valueOf(initial.keepAliveSeconds()),
				SWT.NONE);
		cleanStart = check(form, Messages.ConnectionDialog_cleanStart, initial.cleanStart());
		tls = check(form, Messages.ConnectionDialog_tls, initial.tls());
		caFile = fileField(form, Messages.ConnectionDialog_caFile, initial.caFile());
		certificate = fileField(form, Messages.ConnectionDialog_certificate, initial.clientCertificateFile());
		key = fileField(form, Messages.ConnectionDialog_key, initial.clientKeyFile());
		keyPassword = field(form, Messages.ConnectionDialog_keyPassword,
				initialKeyPassword == null ? "" : new String(initialKeyPassword), SWT.PASSWORD); //$NON-NLS-1$
		label(form, Messages.ConnectionDialog_subscriptions);
		subscriptions = new Text(form, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		subscriptions.setText(SubscriptionText.format(initial.subscriptions(), "\n")); //$NON-NLS-1$
		GridData subsData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		subsData.heightHint = 60;
		subscriptions.setLayoutData(subsData);
		subscriptions.addModifyListener(e -> validate());
		new Label(form, SWT.NONE);
		Label qosHint = new Label(form, SWT.WRAP);
		qosHint.setText(Messages.ConnectionDialog_subscriptionsHint);
		GridData hintData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		hintData.widthHint = 360;
		qosHint.setLayoutData(hintData);
		save = check(form, Messages.ConnectionDialog_save, true);
		return area;
	}

	/** Fills the form with a saved profile the user picked. */
	private void fill(ConnectionProfile p, char[] pw, char[] keyPw) {
		initial = p;
		name.setText(p.name());
		host.setText(p.host());
		port.setText(String.valueOf(p.port()));
		version.select(p.version().ordinal());
		clientId.setText(p.clientId());
		username.setText(p.username() == null ? "" : p.username()); //$NON-NLS-1$
		password.setText(pw == null ? "" : new String(pw)); //$NON-NLS-1$
		keepAlive.setText(String.valueOf(p.keepAliveSeconds()));
		cleanStart.setSelection(p.cleanStart());
		tls.setSelection(p.tls());
		caFile.setText(p.caFile() == null ? "" : p.caFile()); //$NON-NLS-1$
		certificate.setText(p.clientCertificateFile() == null ? "" : p.clientCertificateFile()); //$NON-NLS-1$
		key.setText(p.clientKeyFile() == null ? "" : p.clientKeyFile()); //$NON-NLS-1$
		keyPassword.setText(keyPw == null ? "" : new String(keyPw)); //$NON-NLS-1$
		subscriptions.setText(SubscriptionText.format(p.subscriptions(), "\n")); //$NON-NLS-1$
		validate();
	}

	/** The saved-profiles row, or null when the dialog edits one profile only. */
	SavedProfiles savedProfiles() {
		return saved;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.ConnectionDialog_connect, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	@Override
	protected void okPressed() {
		if (validate()) {
			saveResult = save.getSelection();
			resultPassword = password.getText().toCharArray();
			resultKeyPassword = keyPassword.getText().toCharArray();
			super.okPressed();
		}
	}

	/** The profile as edited (after OK). */
	public ConnectionProfile profile() {
		return result;
	}

	public char[] password() {
		return resultPassword;
	}

	public char[] keyPassword() {
		return resultKeyPassword;
	}

	public boolean saveProfile() {
		return saveResult;
	}

	private boolean validate() {
		String error = check();
		setErrorMessage(error);
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(error == null);
		}
		return error == null;
	}

	private String check() {
		if (host == null) {
			return null;
		}
		String h = host.getText().trim();
		if (h.isEmpty() || h.contains(" ") || h.contains("/")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Messages.ConnectionDialog_badHost;
		}
		int p = number(port.getText());
		if (p < 1 || p > 65535) {
			return Messages.ConnectionDialog_badPort;
		}
		int k = number(keepAlive.getText());
		if (k < 0 || k > 65535) {
			return Messages.ConnectionDialog_badKeepAlive;
		}
		SubscriptionText.Parsed subs = SubscriptionText.parse(subscriptions.getText());
		if (subs.error() != null) {
			return subs.error();
		}
		String id = initial.id() == null ? UUID.randomUUID().toString() : initial.id();
		result = new ConnectionProfile(id, name.getText().trim(), h, p, tls.getSelection(), caFile.getText().trim(),
				certificate.getText().trim(), key.getText().trim(), username.getText().trim(), clientId.getText().trim(),
				MqttVersion.values()[Math.max(0, version.getSelectionIndex())], k, cleanStart.getSelection(),
				subs.subscriptions());
		return null;
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String versionLabel(MqttVersion v) {
		return v == MqttVersion.V5 ? Messages.ConnectionDialog_mqtt5 : Messages.ConnectionDialog_mqtt311;
	}

	private Text field(Composite form, String label, String value, int style) {
		label(form, label);
		Text text = new Text(form, SWT.BORDER | style);
		text.setText(value == null ? "" : value); //$NON-NLS-1$
		span(text);
		text.addModifyListener(e -> validate());
		return text;
	}

	private Text fileField(Composite form, String label, String value) {
		label(form, label);
		Text text = new Text(form, SWT.BORDER);
		text.setText(value == null ? "" : value); //$NON-NLS-1$
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.addModifyListener(e -> validate());
		Button browse = new Button(form, SWT.PUSH);
		browse.setText(Messages.ConnectionDialog_browse);
		browse.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
			String chosen = dialog.open();
			if (chosen != null) {
				text.setText(chosen);
				tls.setSelection(true);
			}
		});
		return text;
	}

	private Button check(Composite form, String label, boolean value) {
		new Label(form, SWT.NONE);
		Button button = new Button(form, SWT.CHECK);
		button.setText(label);
		button.setSelection(value);
		span(button);
		button.addListener(SWT.Selection, e -> validate());
		return button;
	}

	private static void label(Composite form, String text) {
		new Label(form, SWT.NONE).setText(text);
	}

	private static void span(Control control) {
		control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
	}

}
