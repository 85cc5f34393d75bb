/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/**
 * Checks a MicroPython {@code config.json} (with Gson) or a CircuitPython {@code settings.toml} (with tomlj): syntax,
 * required keys, the port's range, no wildcard in a topic. Each problem carries the line to mark.
 */
public final class ConfigValidator {

	public static final String CONFIG_JSON = "config.json"; //$NON-NLS-1$
	public static final String SETTINGS_TOML = "settings.toml"; //$NON-NLS-1$

	private static final List<String> JSON_REQUIRED = List.of("wifi_ssid", "broker", "port", "topic"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	private static final Map<String, String> JSON_EXAMPLES = Map.of("wifi_ssid", "\"my-network\"", "broker", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"\"192.168.1.10\"", "port", "1883", "topic", "\"home\""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	private static final Map<String, String> TOML_EXAMPLES = Map.of("CIRCUITPY_WIFI_SSID", "\"my-network\"", //$NON-NLS-1$ //$NON-NLS-2$
			"MQTT_BROKER", "\"192.168.1.10\"", "MQTT_PORT", "1883"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	private static final List<String> TOML_REQUIRED = List.of("CIRCUITPY_WIFI_SSID", "MQTT_BROKER", "MQTT_PORT"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private ConfigValidator() {
	}

	public static List<ConfigProblem> validateJson(String text) {
		List<ConfigProblem> problems = new ArrayList<>();
		JsonElement root;
		try {
			JsonReader reader = new JsonReader(new StringReader(text));
			reader.setStrictness(Strictness.STRICT);
			root = JsonParser.parseReader(reader);
			if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
				// the reader describes itself with its position: "JsonReader at line N column M"
				throw new JsonParseException("Unexpected text after the object " + reader); //$NON-NLS-1$
			}
		} catch (JsonParseException | IOException | IllegalStateException e) {
			problems.add(JsonSyntax.explain(text, e.getMessage()));
			return problems;
		}
		if (!root.isJsonObject()) {
			problems.add(new ConfigProblem(1, true,
					"config.json must hold one object in braces: { \"wifi_ssid\": \"...\", \"broker\": \"...\", ... }")); //$NON-NLS-1$
			return problems;
		}
		JsonObject config = root.getAsJsonObject();
		for (String key : JSON_REQUIRED) {
			if (!config.has(key)) {
				problems.add(new ConfigProblem(1, true, "config.json has no \"" + key + "\": add a line like \"" + key //$NON-NLS-1$ //$NON-NLS-2$
						+ "\": " + JSON_EXAMPLES.get(key) + ",")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		if (config.has("port")) { //$NON-NLS-1$
			checkPort(problems, jsonKeyLine(text, "port"), number(config.get("port"))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (config.has("topic") && config.get("topic").isJsonPrimitive()) { //$NON-NLS-1$ //$NON-NLS-2$
			checkTopic(problems, jsonKeyLine(text, "topic"), config.get("topic").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return problems;
	}

	public static List<ConfigProblem> validateToml(String text) {
		List<ConfigProblem> problems = new ArrayList<>();
		TomlParseResult toml = Toml.parse(text);
		for (TomlParseError error : toml.errors()) {
			problems.add(TomlSyntax.explain(text, error));
		}
		if (toml.hasErrors()) {
			return problems;
		}
		for (String key : TOML_REQUIRED) {
			if (!toml.contains(key)) {
				problems.add(new ConfigProblem(1, true, "settings.toml has no " + key + ": add a line like " + key //$NON-NLS-1$ //$NON-NLS-2$
						+ " = " + TOML_EXAMPLES.get(key))); //$NON-NLS-1$
			}
		}
		if (toml.contains("MQTT_PORT")) { //$NON-NLS-1$
			Object port = toml.get("MQTT_PORT"); //$NON-NLS-1$
			checkPort(problems, line(toml.inputPositionOf("MQTT_PORT")), port instanceof Long l ? l : -1); //$NON-NLS-1$
		}
		if (toml.isString("MQTT_TOPIC_PREFIX")) { //$NON-NLS-1$
			checkTopic(problems, line(toml.inputPositionOf("MQTT_TOPIC_PREFIX")), toml.getString("MQTT_TOPIC_PREFIX")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (Map.Entry<String, Object> entry : toml.dottedEntrySet()) {
			if (!(entry.getValue() instanceof String) && !(entry.getValue() instanceof Long)) {
				problems.add(new ConfigProblem(line(toml.inputPositionOf(entry.getKey())), true, entry.getKey()
						+ ": CircuitPython reads only text in double quotes and whole numbers from settings.toml" //$NON-NLS-1$
						+ (entry.getValue() instanceof Boolean ? "; write 1 for on or 0 for off." : ".")));  //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return problems;
	}

	private static void checkPort(List<ConfigProblem> problems, int line, long port) {
		if (port < 1 || port > 65535) {
			problems.add(new ConfigProblem(line, true, "The broker port must be a whole number from 1 to 65535 (usually 1883, or 8883 with TLS).")); //$NON-NLS-1$
		}
	}

	private static void checkTopic(List<ConfigProblem> problems, int line, String topic) {
		if (topic.contains("+") || topic.contains("#")) { //$NON-NLS-1$ //$NON-NLS-2$
			problems.add(new ConfigProblem(line, true,
					"The topic '" + topic + "' contains a wildcard (+ or #): a board cannot publish to it. Remove it.")); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (topic.isEmpty()) {
			problems.add(new ConfigProblem(line, true, "The topic is empty: enter one, e.g. \"home\".")); //$NON-NLS-1$
		} else if (topic.endsWith("/")) { //$NON-NLS-1$
			problems.add(new ConfigProblem(line, true, "The topic '" + topic //$NON-NLS-1$
					+ "' ends with '/': the board adds '/' and its client id itself. Remove the last '/'.")); //$NON-NLS-1$
		}
	}

	private static long number(JsonElement value) {
		try {
			double d = value.getAsDouble();
			return d == Math.rint(d) ? (long) d : -1;
		} catch (RuntimeException e) {
			return -1;
		}
	}

	private static int jsonKeyLine(String text, String key) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(text); //$NON-NLS-1$ //$NON-NLS-2$
		return matcher.find() ? lineAt(text, matcher.start()) : 1;
	}

	private static int lineAt(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int line(TomlPosition position) {
		return position == null ? 1 : position.line();
	}
}
