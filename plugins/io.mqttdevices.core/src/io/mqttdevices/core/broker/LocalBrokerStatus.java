/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

/**
 * What the local broker is doing: stopped, or running on an address and port with a number of connected clients.
 */
public record LocalBrokerStatus(boolean running, String bindAddress, int port, int clients, boolean secured) {

	public static final LocalBrokerStatus STOPPED = new LocalBrokerStatus(false, null, 0, 0, false);

	/** "127.0.0.1:1883" while running, null when stopped. */
	public String address() {
		return running ? bindAddress + ":" + port : null; //$NON-NLS-1$
	}
}
