/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.preferences.LibrariesPreferencePage;
import io.mqttdevices.ui.preferences.MqttDevicesPreferencePage;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/** Window > Preferences > MQTT Devices: typed values are validated and land in the core preferences. */
class PreferencePageTest {

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@AfterEach
	void resetPreferences() throws Exception {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
		node.clear();
		node.flush();
	}

	@Test
	void pageIsListedAtTheRootOfThePreferences() {
		assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(MqttDevicesPreferencePage.ID));
	}

	@Test
	void invalidBaudRateBlocksApplyAndAValidOneIsStored() {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbench.window().getShell(),
				MqttDevicesPreferencePage.ID, new String[] { MqttDevicesPreferencePage.ID }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Text baud = Widgets.textByLabel(dialog.getShell(), "Default serial baud rate:");
			assertEquals("115200", baud.getText());
			Button apply = Widgets.button(dialog.getShell(), "Apply and Close");
			IPreferencePage page = (IPreferencePage) dialog.getSelectedPage();

			Widgets.type(baud, "12");
			UiWait.drain();
			assertFalse(page.isValid());
			assertEquals(Messages.MqttDevicesPreferencePage_baudRateInvalid, page.getErrorMessage());
			assertFalse(apply.isEnabled());

			Widgets.type(baud, "9600");
			UiWait.drain();
			assertTrue(page.isValid());
			assertTrue(apply.isEnabled());
			apply.notifyListeners(SWT.Selection, null);
			UiWait.until(Duration.ofSeconds(5), "the dialog to close", () -> dialog.getShell() == null);
		} finally {
			dialog.close();
		}
		assertEquals(9600, CorePreferences.baudRate());
	}

	@Test
	void boardLibrariesPageEditsTheSourcesChecksThemAndRestoresTheDefaults() {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbench.window().getShell(),
				LibrariesPreferencePage.ID, new String[] { LibrariesPreferencePage.ID }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Text index = Widgets.textByLabel(dialog.getShell(), "MicroPython package index:");
			assertEquals(CorePreferences.DEFAULT_MICROPYTHON_INDEX, index.getText());
			Button before = Widgets.button(dialog.getShell(),
					"Install the project's declared libraries before Upload and Flash");
			assertTrue(before.getSelection(), "on by default");
			IPreferencePage page = (IPreferencePage) dialog.getSelectedPage();

			Widgets.type(index, "ftp://mirror.local/pi");
			UiWait.drain();
			assertFalse(page.isValid());
			assertEquals("The MicroPython package index must be an http, https or file: URL.", page.getErrorMessage());

			Widgets.type(index, "file:/srv/mirror/pi/v2");
			Text adafruit = Widgets.textByLabel(dialog.getShell(), "Adafruit bundle releases:");
			Widgets.type(adafruit, "https://mirror.local/adafruit/releases");
			before.setSelection(false);
			before.notifyListeners(SWT.Selection, null);
			UiWait.drain();
			assertTrue(page.isValid(), page.getErrorMessage());
			Widgets.button(dialog.getShell(), "Apply").notifyListeners(SWT.Selection, null);
			assertEquals("file:/srv/mirror/pi/v2", CorePreferences.micropythonIndex());
			assertEquals("https://mirror.local/adafruit/releases", CorePreferences.adafruitBundleUrl());
			assertFalse(CorePreferences.installLibrariesBeforeUpload());

			Widgets.button(dialog.getShell(), "Restore Defaults").notifyListeners(SWT.Selection, null);
			Widgets.button(dialog.getShell(), "Apply").notifyListeners(SWT.Selection, null);
			assertEquals(CorePreferences.DEFAULT_MICROPYTHON_INDEX, CorePreferences.micropythonIndex());
			assertEquals(CorePreferences.DEFAULT_ADAFRUIT_BUNDLE_URL, CorePreferences.adafruitBundleUrl());
			assertTrue(CorePreferences.installLibrariesBeforeUpload());
		} finally {
			dialog.close();
		}
	}
}
