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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

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
		assertTrue(problems.get(0).message().startsWith("config.json is not valid JSON"));
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
		assertTrue(problems.get(0).message().contains("\"wifi_ssid\""));
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
		assertTrue(problems.get(2).message().contains("strings and whole numbers"));
	}

	@Test
	void tomlSyntaxErrorIsAtItsLine() {
		List<ConfigProblem> problems = ConfigValidator
				.validateToml("CIRCUITPY_WIFI_SSID = \"net\"\nMQTT_BROKER = \"b\nMQTT_PORT = 1883\n");
		assertTrue(!problems.isEmpty());
		assertEquals(2, problems.get(0).line(), problems.toString());
	}
}
