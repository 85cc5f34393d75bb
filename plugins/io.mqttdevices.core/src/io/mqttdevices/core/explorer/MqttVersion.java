/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

/** The protocol a connection speaks: Paho's MQTT 5 client or its MQTT 3.1.1 client. */
public enum MqttVersion {
	V5("5"), //$NON-NLS-1$
	V3_1_1("3.1.1"); //$NON-NLS-1$

	private final String label;

	MqttVersion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
