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

import io.mqttdevices.core.explorer.ConnectionProfile;

/** The profile the explorer offers when none is saved: a broker on this machine, port 1883, everything. */
final class DefaultProfile {

	private DefaultProfile() {
	}

	static ConnectionProfile get() {
		return ConnectionProfile.of("localhost", ConnectionProfile.DEFAULT_PORT).withName("localhost"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
