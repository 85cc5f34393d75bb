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
import java.util.stream.Collectors;

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
		return validate(spec, false);
	}

	/**
	 * @param localBrokerWantsLogin whether the IDE's local broker listens on the LAN and requires a username: a
	 *                              broker host on the LAN without a username is then worth a warning
	 */
	public static List<Problem> validate(ProjectSpec spec, boolean localBrokerWantsLogin) {
		List<Problem> problems = new ArrayList<>();
		if (spec.name() == null || spec.name().isBlank()) {
			problems.add(Problem.error(Field.NAME, "Enter a project name.")); //$NON-NLS-1$
		} else if (spec.name().matches(".*[/\\\\:*?\"<>|].*")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.NAME, "A project name cannot contain / \\ : * ? \" < > |")); //$NON-NLS-1$
		}
		if (!spec.board().runs(spec.runtime())) {
			problems.add(Problem.error(Field.BOARD, "The " + spec.board().shortName() + " does not run " //$NON-NLS-1$ //$NON-NLS-2$
					+ spec.runtime().label() + ": choose another board or runtime.")); //$NON-NLS-1$
		}
		if (spec.sensor() == Sensor.INTERNAL_TEMPERATURE && !spec.board().hasInternalTemperature()) {
			problems.add(Problem.error(Field.SENSOR, "The " + spec.board().shortName() //$NON-NLS-1$
					+ " has no internal temperature sensor: choose another sensor.")); //$NON-NLS-1$
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
		validateBroker(spec, localBrokerWantsLogin, problems);
		if (spec.intervalSeconds() <= 0) {
			problems.add(Problem.error(Field.INTERVAL, "The publish interval must be at least 1 second.")); //$NON-NLS-1$
		}
		return problems;
	}

	/** The first error, if any: what a wizard page shows. */
	public static boolean hasErrors(List<Problem> problems) {
		return problems.stream().anyMatch(Problem::error);
	}

	private static void validateBroker(ProjectSpec spec, boolean localBrokerWantsLogin, List<Problem> problems) {
		String host = spec.host() == null ? "" : spec.host().trim(); //$NON-NLS-1$
		if (host.isEmpty()) {
			problems.add(Problem.error(Field.HOST, "Enter the broker's host name or IP address.")); //$NON-NLS-1$
		} else if (!HOST.matcher(host).matches() || IPV4_LIKE.matcher(host).matches() && !IPV4.matcher(host).matches()) {
			problems.add(Problem.error(Field.HOST, "'" + host + "' is not a valid host name or IP address.")); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (HostKind.isLoopback(host)) {
			problems.add(Problem.warning(Field.HOST, "On the board, " + host //$NON-NLS-1$
					+ " is the board itself: use this computer's LAN address.")); //$NON-NLS-1$
		} else if (localBrokerWantsLogin && !spec.adafruitIo() && HostKind.isLan(host)
				&& (spec.username() == null || spec.username().isBlank())) {
			problems.add(Problem.warning(Field.USERNAME,
					"The IDE's local broker requires a username and password (Listen on the LAN is on): if it is your broker, enter them.")); //$NON-NLS-1$
		}
		if (spec.port() < 1 || spec.port() > 65535) {
			problems.add(Problem.error(Field.PORT, "The port must be a number from 1 to 65535 (usually 1883, or 8883 with TLS).")); //$NON-NLS-1$
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
						"Adafruit IO accepts only feed topics, not Home Assistant discovery: go Back and turn off Announce to Home Assistant.")); //$NON-NLS-1$
			}
		} else {
			validateTopicPrefix(spec.topicPrefix(), problems);
		}
		String clientId = spec.clientId() == null ? "" : spec.clientId(); //$NON-NLS-1$
		int idLength = clientId.isEmpty() ? spec.board().defaultClientIdLength() : clientId.length();
		if (clientId.matches(".*[+#/\\s].*")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.CLIENT_ID, "A client id cannot contain spaces, '/', '+' or '#'.")); //$NON-NLS-1$
		} else if (idLength > MQTT311_CLIENT_ID_LIMIT && clientId.isEmpty()) {
			problems.add(Problem.warning(Field.CLIENT_ID, "The id this board makes for itself (" //$NON-NLS-1$
					+ spec.board().clientIdPrefix() + "_ and its unique id) has " + idLength //$NON-NLS-1$
					+ " characters; some brokers accept only 23. If the board cannot connect, enter a shorter client id.")); //$NON-NLS-1$
		} else if (idLength > MQTT311_CLIENT_ID_LIMIT) {
			problems.add(Problem.warning(Field.CLIENT_ID, "The client id has " + idLength //$NON-NLS-1$
					+ " characters; some brokers accept only 23. If the board cannot connect, shorten it.")); //$NON-NLS-1$
		}
	}

	private static void validateTopicPrefix(String prefix, List<Problem> problems) {
		if (prefix == null || prefix.isEmpty()) {
			problems.add(Problem.error(Field.TOPIC_PREFIX, "Enter a topic prefix, e.g. 'home'.")); //$NON-NLS-1$
		} else if (prefix.contains("+") || prefix.contains("#")) { //$NON-NLS-1$ //$NON-NLS-2$
			problems.add(Problem.error(Field.TOPIC_PREFIX,
					"The topic prefix cannot contain + or #: they are wildcards, for subscribing only.")); //$NON-NLS-1$
		} else if (prefix.startsWith("$")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.TOPIC_PREFIX, "The topic prefix cannot start with $: such topics belong to the broker.")); //$NON-NLS-1$
		} else if (prefix.endsWith("/")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.TOPIC_PREFIX, "The topic prefix cannot end with '/': the board adds '/' and its id (" //$NON-NLS-1$
					+ prefix.substring(0, prefix.length() - 1) + "/<client id>).")); //$NON-NLS-1$
		} else if (prefix.contains("//")) { //$NON-NLS-1$
			problems.add(Problem.error(Field.TOPIC_PREFIX, "The topic prefix cannot have an empty level (//).")); //$NON-NLS-1$
		}
	}

	private static String pinHint(ProjectSpec spec) {
		Board board = spec.board();
		String example = board.defaultPin(spec.runtime(), spec.sensor());
		if (spec.runtime() == Runtime.CIRCUITPYTHON) {
			return "Enter the pin as CircuitPython names it, e.g. " + example + " (board." + example + ")."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String pin = spec.pin() == null ? "" : spec.pin().trim(); //$NON-NLS-1$
		List<Integer> pins = board.pins(spec.sensor());
		if (!pin.matches("\\d{1,2}") || pins.isEmpty()) { //$NON-NLS-1$
			return "Enter the pin as a GPIO number, e.g. " + example + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String usable = pins.size() == 1 ? "GPIO " + pins.get(0) //$NON-NLS-1$
				: "GPIO " + pins.subList(0, pins.size() - 1).stream().map(String::valueOf) //$NON-NLS-1$
						.collect(Collectors.joining(", ")) + " or " + pins.get(pins.size() - 1); //$NON-NLS-1$ //$NON-NLS-2$
		if (spec.sensor() == Sensor.ANALOG && board == Board.ESP8266) {
			return "The ESP8266 reads analog values only on its A0 pin: enter 0."; //$NON-NLS-1$
		}
		if (spec.sensor() == Sensor.ANALOG) {
			return "The " + board.shortName() + " reads analog values only on " + usable + ": enter " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ (pins.size() == 1 ? pins.get(0) : "one of them") + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return "GPIO " + pin + " cannot be used for a sensor on the " + board.shortName() + ": enter " + usable + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
