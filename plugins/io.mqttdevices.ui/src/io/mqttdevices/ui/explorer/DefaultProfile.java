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

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.mqtt.MqttSettings;

/**
 * What the explorer offers when no profile is saved: the IDE's local broker while it runs (MQTT 3.1.1, with its
 * credentials), else a broker on this machine at port 1883, subscribed to everything.
 */
record DefaultProfile(ConnectionProfile profile, char[] password) {

	static DefaultProfile get() {
		return LocalBroker.ide().flatMap(broker -> broker.defaultProfile().map(profile -> new DefaultProfile(profile,
				broker.defaultConnection("").map(MqttSettings::password).orElse(null)))) //$NON-NLS-1$
				.orElseGet(() -> new DefaultProfile(ConnectionProfile.of("localhost", ConnectionProfile.DEFAULT_PORT) //$NON-NLS-1$
						.withName("localhost"), null)); //$NON-NLS-1$
	}
}
