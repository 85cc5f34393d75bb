/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.preferences;

import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.LocalBrokerProjects;
import io.mqttdevices.ui.internal.Messages;

/**
 * Window > Preferences > MQTT Devices > Local Broker: port, LAN on or off, username, largest message in the core
 * preferences; the password in secure storage. LAN needs a username and password; every field is checked as it is typed.
 */
public class LocalBrokerPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "io.mqttdevices.ui.preferences.localBroker"; //$NON-NLS-1$

	private Text port;
	private Button lan;
	private Text username;
	private Text password;
	private Text maxMessage;

	public LocalBrokerPreferencePage() {
		setDescription(Messages.LocalBrokerPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// values are read when the controls are made
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
		port = field(page, Messages.LocalBrokerPreferencePage_port, SWT.BORDER);
		lan = new Button(page, SWT.CHECK);
		lan.setText(Messages.LocalBrokerPreferencePage_lan);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(lan);
		username = field(page, Messages.LocalBrokerPreferencePage_username, SWT.BORDER);
		password = field(page, Messages.LocalBrokerPreferencePage_password, SWT.BORDER | SWT.PASSWORD);
		maxMessage = field(page, Messages.LocalBrokerPreferencePage_maxMessage, SWT.BORDER);
		Label hint = new Label(page, SWT.WRAP);
		hint.setText(Messages.LocalBrokerPreferencePage_hint);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(hint);

		port.setText(Integer.toString(LocalBrokerPreferences.port()));
		lan.setSelection(LocalBrokerPreferences.lan());
		username.setText(LocalBrokerPreferences.username());
		maxMessage.setText(Integer.toString(LocalBrokerPreferences.maxMessageBytes()));
		try {
			char[] stored = LocalBrokerPreferences.password();
			password.setText(stored == null ? "" : new String(stored)); //$NON-NLS-1$
		} catch (StorageException e) {
			ILog.of(getClass()).warn("Cannot read the local broker's password from secure storage", e); //$NON-NLS-1$
		}
		port.addModifyListener(e -> validate());
		lan.addListener(SWT.Selection, e -> validate());
		username.addModifyListener(e -> validate());
		password.addModifyListener(e -> validate());
		maxMessage.addModifyListener(e -> validate());
		validate();
		return page;
	}

	private static Text field(Composite parent, String label, int style) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, style);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
		return text;
	}

	private void validate() {
		String problem = problem();
		setErrorMessage(problem);
		setValid(problem == null);
	}

	private String problem() {
		int value;
		try {
			value = Integer.parseInt(port.getText().trim());
		} catch (NumberFormatException e) {
			value = -1;
		}
		if (value < 1 || value > 65535) {
			return Messages.LocalBrokerPreferencePage_portInvalid;
		}
		if (maxMessageBytes() < 1) {
			return Messages.LocalBrokerPreferencePage_maxMessageInvalid;
		}
		boolean hasUser = !username.getText().trim().isEmpty();
		boolean hasPassword = !password.getText().isEmpty();
		if (hasUser && !hasPassword) {
			return NLS.bind(Messages.LocalBrokerPreferencePage_passwordMissing, username.getText().trim());
		}
		if (hasPassword && !hasUser) {
			return Messages.LocalBrokerPreferencePage_usernameMissing;
		}
		if (lan.getSelection() && !hasUser) {
			return Messages.LocalBrokerPreferencePage_lanNeedsCredentials;
		}
		return null;
	}

	/** The largest message typed, or -1 when it is not a number from 1 to the MQTT maximum. */
	private int maxMessageBytes() {
		try {
			int bytes = Integer.parseInt(maxMessage.getText().trim().replace(",", "")); //$NON-NLS-1$ //$NON-NLS-2$
			return bytes >= 1 && bytes <= LocalBrokerConfig.MQTT_MAX_MESSAGE_BYTES ? bytes : -1;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	@Override
	protected void performDefaults() {
		port.setText(Integer.toString(LocalBrokerConfig.DEFAULT_PORT));
		lan.setSelection(false);
		username.setText(""); //$NON-NLS-1$
		password.setText(""); //$NON-NLS-1$
		maxMessage.setText(Integer.toString(LocalBrokerConfig.MQTT_MAX_MESSAGE_BYTES));
		validate();
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		if (problem() != null) {
			return false;
		}
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
		node.putInt(LocalBrokerPreferences.PORT, Integer.parseInt(port.getText().trim()));
		node.putBoolean(LocalBrokerPreferences.LAN, lan.getSelection());
		node.put(LocalBrokerPreferences.USERNAME, username.getText().trim());
		node.putInt(LocalBrokerPreferences.MAX_MESSAGE_BYTES, maxMessageBytes());
		try {
			node.flush();
			LocalBrokerPreferences.setPassword(password.getText().toCharArray());
		} catch (BackingStoreException | StorageException e) {
			setErrorMessage(NLS.bind(Messages.LocalBrokerPreferencePage_saveFailed, e.getMessage()));
			return false;
		}
		warnOfProjectsThatNoLongerMatch();
		return true;
	}

	/** Boards set up for the broker as it was: the projects whose settings file the user must change, and how. */
	private void warnOfProjectsThatNoLongerMatch() {
		String user = username.getText().trim();
		int newPort = Integer.parseInt(port.getText().trim());
		LocalBrokerConfig config = lan.getSelection()
				? LocalBrokerConfig.lan(newPort, user, password.getText().toCharArray())
				: LocalBrokerConfig.loopback(newPort);
		List<String> mismatches = LocalBrokerProjects.mismatches(LocalBrokerProjects.ofWorkspace(), config,
				LanAddresses.choose(LanAddresses.ofThisComputer()));
		if (!mismatches.isEmpty()) {
			MessageDialog.openWarning(getShell(), Messages.LocalBrokerPreferencePage_projectsTitle,
					NLS.bind(Messages.LocalBrokerPreferencePage_projectsNoLongerMatch, String.join("\n", mismatches))); //$NON-NLS-1$
		}
	}
}
