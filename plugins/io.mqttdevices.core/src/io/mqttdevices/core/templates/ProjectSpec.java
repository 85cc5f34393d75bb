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

/**
 * Everything the wizard asks for. Secrets (Wi-Fi password, broker password or Adafruit IO key) go only into the
 * device's settings file; {@link #toString()} never shows them.
 *
 * @param name          the Eclipse project's name
 * @param clientId      empty: the device computes {@code <board prefix>_<unique id hex>}
 * @param adafruitIo    publish to Adafruit IO: topics {@code <username>/feeds/<feed>}
 * @param homeAssistant publish Home Assistant MQTT discovery configs
 */
public record ProjectSpec(String name, Runtime runtime, Board board, Sensor sensor, String pin, String wifiSsid,
		String wifiPassword, String host, int port, boolean tls, String username, String password, String clientId,
		String topicPrefix, int intervalSeconds, boolean adafruitIo, String feed, boolean homeAssistant) {

	public static final String ADAFRUIT_IO_HOST = "io.adafruit.com"; //$NON-NLS-1$
	public static final int DEFAULT_PORT = 1883;
	public static final int DEFAULT_TLS_PORT = 8883;
	public static final String DEFAULT_TOPIC_PREFIX = "home"; //$NON-NLS-1$
	public static final int DEFAULT_INTERVAL = 5;

	/** A MicroPython ESP8266 analog sensor on a local broker: the classic example, ready to adjust. */
	public static ProjectSpec defaults(String name) {
		return new ProjectSpec(name, Runtime.MICROPYTHON, Board.ESP8266, Sensor.ANALOG, "0", "", "", "", DEFAULT_PORT, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				false, "", "", "", DEFAULT_TOPIC_PREFIX, DEFAULT_INTERVAL, false, "", false); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	/** The prefix the device's state topic starts with. */
	public String effectiveTopicPrefix() {
		return adafruitIo ? username + "/feeds" : topicPrefix; //$NON-NLS-1$
	}

	@Override
	public String toString() {
		return "ProjectSpec[" + name + ", " + runtime + ", " + board + ", " + sensor + ", pin " + pin + ", " + host //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				+ ":" + port + (tls ? " tls" : "") + ", user " + username + ", topic " + effectiveTopicPrefix() + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	public ProjectSpec withName(String value) {
		return new ProjectSpec(value, runtime, board, sensor, pin, wifiSsid, wifiPassword, host, port, tls, username,
				password, clientId, topicPrefix, intervalSeconds, adafruitIo, feed, homeAssistant);
	}
}
