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

import java.security.SecureRandom;
import java.util.HexFormat;

/** The client id a connection uses: the profile's, or a fresh random one (23 characters at most, as 3.1.1 wants). */
final class ClientIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ClientIds() {
	}

	static String of(ConnectionProfile profile) {
		if (!profile.clientId().isBlank()) {
			return profile.clientId();
		}
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return "mqttexplorer-" + HexFormat.of().formatHex(bytes).substring(0, 10); //$NON-NLS-1$
	}
}
