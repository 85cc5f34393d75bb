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

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.internal.Messages;

/** Root of the MQTT Devices preferences: the settings every tool shares, stored in the core bundle's node. */
public class MqttDevicesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "io.mqttdevices.ui.preferences.root"; //$NON-NLS-1$

	public MqttDevicesPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, CorePreferences.NODE));
		setDescription(Messages.MqttDevicesPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// nothing to prepare: the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor baud = new IntegerFieldEditor(CorePreferences.SERIAL_BAUD_RATE,
				Messages.MqttDevicesPreferencePage_baudRate, getFieldEditorParent(), 7);
		baud.setValidRange(300, 4_000_000);
		baud.setErrorMessage(Messages.MqttDevicesPreferencePage_baudRateInvalid);
		addField(baud);

		DirectoryFieldEditor drive = new DirectoryFieldEditor(CorePreferences.CIRCUITPY_DRIVE_PATH,
				Messages.MqttDevicesPreferencePage_circuitPyDrive, getFieldEditorParent());
		drive.setEmptyStringAllowed(true);
		addField(drive);

		Label hint = new Label(getFieldEditorParent(), SWT.WRAP);
		hint.setText(Messages.MqttDevicesPreferencePage_circuitPyDriveHint);
		hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
	}
}
