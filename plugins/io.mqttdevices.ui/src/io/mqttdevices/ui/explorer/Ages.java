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

import org.eclipse.osgi.util.NLS;

import io.mqttdevices.ui.internal.Messages;

/** "3 s", "4 min", "2 h", "5 d": how long ago a message came. */
final class Ages {

	private Ages() {
	}

	static String since(long then, long now) {
		long s = Math.max(0, (now - then) / 1000);
		if (s < 60) {
			return NLS.bind(Messages.TopicExplorer_ageSeconds, s);
		}
		if (s < 3600) {
			return NLS.bind(Messages.TopicExplorer_ageMinutes, s / 60);
		}
		if (s < 86_400) {
			return NLS.bind(Messages.TopicExplorer_ageHours, s / 3600);
		}
		return NLS.bind(Messages.TopicExplorer_ageDays, s / 86_400);
	}
}
