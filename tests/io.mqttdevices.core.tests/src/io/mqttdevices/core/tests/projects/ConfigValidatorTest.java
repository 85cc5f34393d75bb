/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mqttdevices.core.projects.ConfigProblem;
import io.mqttdevices.core.projects.ConfigValidator;

/** config.json and settings.toml problems, each at the line to mark. */
class ConfigValidatorTest {

	private static final String GOOD_JSON = """
			{
			  "wifi_ssid": "net",
			  "broker": "broker.local",
			  "port": 1883,
			  "topic": "home"
			}
			""";

	@Test
	void goodJsonHasNoProblems() {
		assertEquals(List.of(), ConfigValidator.validateJson(GOOD_JSON));
	}

	@Test
	void jsonSyntaxErrorIsAtItsLine() {
		List<ConfigProblem> problems = ConfigValidator.validateJson(GOOD_JSON.replace("\"port\": 1883,", "\"port\": 1883"));
		assertEquals(1, problems.size(), problems.toString());
		assertEquals(5, problems.get(0).line(), problems.toString());
		assertEquals("Line 5: a comma is missing before \"topic\".", problems.get(0).message());
	}

	/** Gson's errors in a user's words: the line, what is missing where, and no class name or programmer's advice. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			"port": 1883,   | port: 1883,         | 4 | Line 4: the name port needs double quotes: "port".
			"port": 1883,   | port": 1883,        | 4 | Line 4: a double quote is missing before port.
			"port": 1883,   | "port: 1883,        | 4 | Line 4: "port: 1883, has no closing double quote (").
			"broker.local", | broker.local,       | 3 | Line 3: the text broker.local needs double quotes: "broker.local".
			"broker.local", | "broker.local"      | 4 | Line 4: a comma is missing before "port".
			"home"          | 'home'              | 5 | Line 5: use double quotes (") instead of single quotes (').
			"home"          | "home",             | 5 | Line 5: remove the comma after the last entry.
			"port": 1883,   | "port" 1883,        | 4 | Line 4: a colon (:) is missing after "port".
			"port": 1883,   | "port": ,           | 4 | Line 4: a value is missing after "port":.
			"port": 1883,   | "port": 1883,,      | 4 | Line 4: remove the extra comma.
			"port": 1883,   | "port": True,       | 4 | Line 4: JSON writes true, not True.
			"port": 1883,   | "port": 01883,      | 4 | Line 4: 01883 is not a number JSON accepts (no leading zeros, no + sign); a text needs double quotes.
			"port": 1883,   | "port": 1883, // mqtt | 4 | Line 4: JSON has no comments: remove this one.
			}               | ``                  | 5 | Line 5: a closing } is missing at the end of the file.
			}               | }}                  | 6 | Line 6: there is more after the closing }: remove }.
			{               | x{                  | 1 | Line 1: config.json must begin with {: remove x.
			{               | ``                  | 1 | Line 1: config.json must begin with {: the opening brace is missing.
			"broker":       | "broker:            | 3 | Line 3: "broker has no closing double quote (").
			"home"          | ["home", 1          | 6 | Line 6: a closing ] is missing before }.
			""")
	void jsonSyntaxErrorsAreInPlainWords(String good, String bad, int line, String message) {
		List<ConfigProblem> problems = ConfigValidator.validateJson(GOOD_JSON.replace(good, bad));
		assertEquals(1, problems.size(), problems.toString());
		assertEquals(message, problems.get(0).message());
		assertEquals(line, problems.get(0).line(), problems.toString());
		assertFalse(problems.get(0).message().matches("(?s).*(Json|Gson|gson|Strictness|LENIENT|Exception|http).*"));
	}

	/** Every file cut short and every file with one character missing: plain words, never a library's. */
	@Test
	void anyBrokenJsonIsReportedWithoutLibraryWords() {
		for (int i = 0; i < GOOD_JSON.length(); i++) {
			for (String broken : List.of(GOOD_JSON.substring(0, i), GOOD_JSON.substring(0, i) + GOOD_JSON.substring(i + 1))) {
				for (ConfigProblem problem : ConfigValidator.validateJson(broken)) {
					assertFalse(problem.message().matches("(?s).*(Json|Gson|gson|Strictness|LENIENT|Exception|http|null).*"),
							broken + " -> " + problem.message());
				}
			}
		}
	}

	@Test
	void jsonTrailingGarbageIsAnError() {
		assertEquals(1, ConfigValidator.validateJson(GOOD_JSON + "}\n").size());
	}

	@Test
	void jsonPortRangeAndWildcardTopicAreAtTheirKeys() {
		List<ConfigProblem> problems = ConfigValidator
				.validateJson(GOOD_JSON.replace("1883", "70000").replace("\"home\"", "\"home/#\""));
		assertEquals(2, problems.size(), problems.toString());
		assertEquals(4, problems.get(0).line());
		assertTrue(problems.get(0).message().contains("1 to 65535"));
		assertEquals(5, problems.get(1).line());
		assertTrue(problems.get(1).message().contains("wildcard"));
	}

	@Test
	void jsonMissingRequiredKey() {
		List<ConfigProblem> problems = ConfigValidator.validateJson("{\"broker\": \"b\", \"port\": 1, \"topic\": \"t\"}");
		assertEquals(1, problems.size());
		assertEquals("config.json has no \"wifi_ssid\": add a line like \"wifi_ssid\": \"my-network\",",
				problems.get(0).message());
	}

	@Test
	void jsonTopicEndingInSlashIsRefused() {
		List<ConfigProblem> problems = ConfigValidator.validateJson(GOOD_JSON.replace("\"home\"", "\"home/\""));
		assertEquals(1, problems.size(), problems.toString());
		assertEquals(5, problems.get(0).line());
		assertTrue(problems.get(0).message().contains("ends with '/'"), problems.toString());
	}

	@Test
	void tomlProblemsAreAtTheirLines() {
		String toml = """
				CIRCUITPY_WIFI_SSID = "net"
				MQTT_BROKER = "b"
				MQTT_PORT = 0
				MQTT_TOPIC_PREFIX = "home/+"
				MQTT_TLS = true
				""";
		List<ConfigProblem> problems = ConfigValidator.validateToml(toml);
		assertEquals(3, problems.size(), problems.toString());
		assertEquals(3, problems.get(0).line());
		assertEquals(4, problems.get(1).line());
		assertEquals(5, problems.get(2).line());
		assertEquals("MQTT_TLS: CircuitPython reads only text in double quotes and whole numbers from settings.toml;"
				+ " write 1 for on or 0 for off.", problems.get(2).message());
	}

	@Test
	void tomlSyntaxErrorIsAtItsLine() {
		List<ConfigProblem> problems = ConfigValidator
				.validateToml("CIRCUITPY_WIFI_SSID = \"net\"\nMQTT_BROKER = \"b\nMQTT_PORT = 1883\n");
		assertTrue(!problems.isEmpty());
		assertEquals(2, problems.get(0).line(), problems.toString());
		assertEquals("Line 2: a closing \" is missing at the end of the text.", problems.get(0).message());
	}

	/** tomlj's errors in a user's words: the line and what to write instead. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			MQTT_BROKER = b          | 1 | Line 1: put the text b in double quotes: MQTT_BROKER = "b".
			MQTT_BROKER              | 1 | Line 1: = and a value are missing after MQTT_BROKER.
			MY BROKER = "b"          | 1 | Line 1: = is missing before BROKER (a name has no spaces).
			MQTT_BROKER: "b"         | 1 | Line 1: write = between the name and the value, not :.
			MQTT_BROKER =            | 1 | Line 1: a value is missing after =.
			MQTT_TLS = True          | 1 | Line 1: write 1 for on or 0 for off, not True.
			MQTT_PORT = 18a3         | 1 | Line 1: a3 should not follow the value: one setting a line, and text in double quotes.
			MQTT_BROKER = 'b         | 1 | Line 1: a closing ' is missing at the end of the text.
			MQTT_BROKER = b"         | 1 | Line 1: an opening " is missing before b.
			MQTT_PORT = 1883 MQTT_TLS = 0 | 1 | Line 1: put MQTT_TLS on a new line: one setting a line.
			MQTT_BROKER "b"          | 1 | Line 1: = is missing before "b".
			MQTT_BROKER = "c:\\pc"   | 1 | Line 1: \\p cannot be written in double quotes: write \\\\p or put the whole text in single quotes.
			""")
	void tomlSyntaxErrorsAreInPlainWords(String line, int at, String message) {
		List<ConfigProblem> problems = ConfigValidator.validateToml(line + "\n");
		assertEquals(message, problems.get(0).message(), problems.toString());
		assertEquals(at, problems.get(0).line());
	}

	@Test
	void tomlKeySetTwiceSaysWhereFirst() {
		List<ConfigProblem> problems = ConfigValidator.validateToml("MQTT_PORT = 1\nMQTT_PORT = 2\n");
		assertEquals("Line 2: MQTT_PORT is already set on line 1: keep one of them.", problems.get(0).message());
	}
}
