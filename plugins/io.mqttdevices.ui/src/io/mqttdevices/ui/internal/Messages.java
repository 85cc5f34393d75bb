/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The UI bundle's translatable strings ({@code messages.properties}). */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.mqttdevices.ui.internal.messages"; //$NON-NLS-1$

	public static String MqttDevicesPreferencePage_description;
	public static String MqttDevicesPreferencePage_baudRate;
	public static String MqttDevicesPreferencePage_baudRateInvalid;
	public static String MqttDevicesPreferencePage_circuitPyDrive;
	public static String MqttDevicesPreferencePage_circuitPyDriveHint;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
