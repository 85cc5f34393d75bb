/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.templates;

/** One thing wrong (or worth a warning) with a {@link ProjectSpec}, tied to the field the user must change. */
public record Problem(Field field, boolean error, String message) {

	/** The wizard fields, so a page can show the problems of its own fields. */
	public enum Field {
		NAME, RUNTIME, BOARD, SENSOR, PIN, WIFI_SSID, HOST, PORT, USERNAME, PASSWORD, CLIENT_ID, TOPIC_PREFIX,
		INTERVAL, FEED
	}

	static Problem error(Field field, String message) {
		return new Problem(field, true, message);
	}

	static Problem warning(Field field, String message) {
		return new Problem(field, false, message);
	}
}
