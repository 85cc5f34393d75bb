/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mqttdevices.core.preferences.CorePreferences;

/** Defaults come from the registered initializer; a user's value overrides them. */
class CorePreferencesTest {

	private final IEclipsePreferences instance = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);

	@AfterEach
	void reset() throws Exception {
		instance.clear();
		instance.flush();
	}

	@Test
	void defaultsAreRegistered() {
		assertEquals(115200, CorePreferences.baudRate());
		assertEquals("", CorePreferences.circuitPyDrivePath());
	}

	@Test
	void userValuesOverrideDefaults() {
		instance.putInt(CorePreferences.SERIAL_BAUD_RATE, 9600);
		instance.put(CorePreferences.CIRCUITPY_DRIVE_PATH, "/media/me/CIRCUITPY");
		assertEquals(9600, CorePreferences.baudRate());
		assertEquals("/media/me/CIRCUITPY", CorePreferences.circuitPyDrivePath());
	}
}
