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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.mqttdevices.core.templates.Problem.Field;

/** Checks a {@link ProjectSpec} as the user types: errors block Finish, warnings only inform. */
public final class SpecValidator {

	/** RFC 1123 host names, dotted IPv4, or IPv6 (optionally in brackets). */
	private static final Pattern HOST = Pattern.compile(
			"(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?" //$NON-NLS-1$
					+ "|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]?"); //$NON-NLS-1$
	private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+"); //$NON-NLS-1$
	private static final Pattern IPV4 = Pattern
			.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"); //$NON-NLS-1$
	private static final Pattern FEED = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}"); //$NON-NLS-1$
	private static final int MQTT311_CLIENT_ID_LIMIT = 23;

	private SpecValidator() {
	}

	public static List<Problem> validate(ProjectSpec spec) {
		List<Problem> problems = new ArrayList<>();
		if (spec.name() == null || spec.name().isBlank()) {
			problems.add(Problem.error(Field.NAME, "Enter a project name.")); //$NON-NLS-1$
		} else if (spec.name().matches(".*[/\\\\:*?\"<>|].*")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.NAME, "A project name cannot contain / \\ : * ? \" < > |")); //$NON-NLS-1$
		}
		if (!spec.board().runs(spec.runtime())) {
			problems.add(Problem.error(Field.BOARD, spec.board().label() + " does not run " + spec.runtime().label() + ".")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (spec.sensor() == Sensor.INTERNAL_TEMPERATURE && !spec.board().hasInternalTemperature()) {
			problems.add(Problem.error(Field.SENSOR, spec.board().label() + " has no internal temperature sensor.")); //$NON-NLS-1$
		}
		if (!spec.board().isValidPin(spec.runtime(), spec.sensor(), spec.pin())) {
			problems.add(Problem.error(Field.PIN, pinHint(spec)));
		}
		int ssidBytes = spec.wifiSsid() == null ? 0 : spec.wifiSsid().getBytes(StandardCharsets.UTF_8).length;
		if (ssidBytes == 0) {
			problems.add(Problem.error(Field.WIFI_SSID, "Enter the Wi-Fi network name (SSID).")); //$NON-NLS-1$
		} else if (ssidBytes > 32) {
			problems.add(Problem.error(Field.WIFI_SSID, "A Wi-Fi network name is at most 32 bytes; this one is " //$NON-NLS-1$
					+ ssidBytes + ".")); //$NON-NLS-1$
		}
		validateBroker(spec, problems);
		if (spec.intervalSeconds() <= 0) {
			problems.add(Problem.error(Field.INTERVAL, "The publish interval must be at least 1 second.")); //$NON-NLS-1$
		}
		return problems;
	}

	/** The first error, if any: what a wizard page shows. */
	public static boolean hasErrors(List<Problem> problems) {
		return problems.stream().anyMatch(Problem::error);
	}

	private static void validateBroker(ProjectSpec spec, List<Problem> problems) {
		String host = spec.host() == null ? "" : spec.host().trim(); //$NON-NLS-1$
		if (host.isEmpty()) {
			problems.add(Problem.error(Field.HOST, "Enter the broker's host name or IP address.")); //$NON-NLS-1$
		} else if (!HOST.matcher(host).matches() || IPV4_LIKE.matcher(host).matches() && !IPV4.matcher(host).matches()) {
			problems.add(Problem.error(Field.HOST, "'" + host + "' is not a valid host name or IP address.")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (spec.port() < 1 || spec.port() > 65535) {
			problems.add(Problem.error(Field.PORT, "The port must be from 1 to 65535.")); //$NON-NLS-1$
		}
		if (spec.adafruitIo()) {
			if (spec.username() == null || spec.username().isBlank()) {
				problems.add(Problem.error(Field.USERNAME, "Adafruit IO needs your username.")); //$NON-NLS-1$
			}
			if (spec.password() == null || spec.password().isBlank()) {
				problems.add(Problem.error(Field.PASSWORD, "Adafruit IO needs your AIO key as the password.")); //$NON-NLS-1$
			}
			if (spec.feed() == null || !FEED.matcher(spec.feed()).matches()) {
				problems.add(Problem.error(Field.FEED,
						"The feed key is lower-case letters, digits and dashes, e.g. 'living-room-temperature'.")); //$NON-NLS-1$
			}
			if (spec.homeAssistant()) {
				problems.add(Problem.error(Field.TOPIC_PREFIX,
						"Adafruit IO only accepts feed topics: Home Assistant discovery cannot be published there.")); //$NON-NLS-1$
			}
		} else {
			validateTopicPrefix(spec.topicPrefix(), problems);
		}
		String clientId = spec.clientId() == null ? "" : spec.clientId(); //$NON-NLS-1$
		int idLength = clientId.isEmpty() ? spec.board().defaultClientIdLength() : clientId.length();
		if (clientId.matches(".*[+#/\\s].*")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.CLIENT_ID, "A client id cannot contain spaces, '/', '+' or '#'.")); //$NON-NLS-1$
		} else if (idLength > MQTT311_CLIENT_ID_LIMIT) {
			problems.add(Problem.warning(Field.CLIENT_ID, "The client id may be " + idLength //$NON-NLS-1$
					+ " characters: MQTT 3.1.1 brokers may refuse ids longer than 23.")); //$NON-NLS-1$
		}
	}

	private static void validateTopicPrefix(String prefix, List<Problem> problems) {
		if (prefix == null || prefix.isEmpty()) {
			problems.add(Problem.error(Field.TOPIC_PREFIX, "Enter a topic prefix, e.g. 'home'.")); //$NON-NLS-1$
		} else if (prefix.contains("+") || prefix.contains("#")) { //$NON-NLS-1$ //$NON-NLS-2$
			problems.add(Problem.error(Field.TOPIC_PREFIX, "A topic to publish to cannot contain the wildcards + or #.")); //$NON-NLS-1$
		} else if (prefix.startsWith("$")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.TOPIC_PREFIX, "Topics starting with $ are reserved for the broker.")); //$NON-NLS-1$
		}
	}

	private static String pinHint(ProjectSpec spec) {
		if (spec.runtime() == Runtime.CIRCUITPYTHON) {
			return "Enter a pin as the board module names it, e.g. " //$NON-NLS-1$
					+ spec.board().defaultPin(spec.runtime(), spec.sensor()) + "."; //$NON-NLS-1$
		}
		return "GPIO '" + spec.pin() + "' cannot read " + spec.sensor().label().toLowerCase(java.util.Locale.ROOT) //$NON-NLS-1$ //$NON-NLS-2$
				+ " on " + spec.board().label() + "; try " + spec.board().defaultPin(spec.runtime(), spec.sensor()) + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
