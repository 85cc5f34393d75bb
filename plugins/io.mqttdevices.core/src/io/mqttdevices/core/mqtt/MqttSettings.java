/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.mqtt;

import java.util.Objects;

/**
 * Where and how to reach a broker. The password is held only for the session and never printed by
 * {@link #toString()}.
 */
public record MqttSettings(String host, int port, String clientId, String username, char[] password) {

	public MqttSettings {
		Objects.requireNonNull(host, "host"); //$NON-NLS-1$
		Objects.requireNonNull(clientId, "clientId"); //$NON-NLS-1$
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Port must be 1-65535, not " + port); //$NON-NLS-1$
		}
	}

	/** Anonymous connection. */
	public static MqttSettings of(String host, int port, String clientId) {
		return new MqttSettings(host, port, clientId, null, null);
	}

	public String serverUri() {
		return "tcp://" + host + ":" + port; //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public String toString() {
		return "MqttSettings[" + serverUri() + ", clientId=" + clientId + ", username=" + username + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
