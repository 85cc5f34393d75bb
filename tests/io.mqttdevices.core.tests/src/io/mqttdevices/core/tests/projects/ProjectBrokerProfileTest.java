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
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.projects.ProjectBrokerProfile;
import io.mqttdevices.core.projects.ProjectBrokerProfile.Broker;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;

/** The explorer's profile for a project's broker, from the settings file the wizard generated. */
class ProjectBrokerProfileTest {

	@Test
	void aMicroPythonProjectOnThisComputersBrokerIsWatchedThroughLoopback() {
		String json = generated(Runtime.MICROPYTHON, "192.168.1.23", 18830, false, "sensors", "home/garden");
		Broker broker = ProjectBrokerProfile.fromJson(json).orElseThrow();
		assertEquals(new Broker("192.168.1.23", 18830, false, "sensors", "home/garden"), broker);
		ConnectionProfile profile = ProjectBrokerProfile.profile("garden-sensor", broker,
				List.of("192.168.1.23", "fd00:0:0:0:0:0:0:2"));
		assertEquals("project:garden-sensor", profile.id(), "the same profile each time");
		assertEquals("garden-sensor", profile.name());
		assertEquals("tcp://127.0.0.1:18830", profile.serverUri());
		assertEquals("sensors", profile.username());
		assertEquals(MqttVersion.V3_1_1, profile.version());
		assertEquals(List.of("home/garden/#"), profile.filters());
	}

	@Test
	void anotherBrokerKeepsItsHostAndTls() {
		String toml = generated(Runtime.CIRCUITPYTHON, "broker.example", 8883, true, "", "home");
		Broker broker = ProjectBrokerProfile.fromToml(toml).orElseThrow();
		assertEquals(new Broker("broker.example", 8883, true, null, "home"), broker);
		ConnectionProfile profile = ProjectBrokerProfile.profile("porch", broker, List.of("192.168.1.23"));
		assertEquals("ssl://broker.example:8883", profile.serverUri());
		assertEquals(null, profile.username());
		assertEquals(List.of("home/#"), profile.filters());
	}

	@Test
	void anAdafruitIoFeedAndItsSiblingFeeds() {
		Broker broker = new Broker("io.adafruit.com", 8883, true, "me", "me/feeds/kitchen");
		assertEquals(List.of("me/feeds/kitchen", "me/feeds/kitchen-availability", "me/feeds/kitchen-error"),
				ProjectBrokerProfile.profile("k", broker, List.of()).filters());
	}

	@Test
	void aSettingsFileWithoutABrokerGivesNoProfile() {
		assertEquals(Optional.empty(), ProjectBrokerProfile.fromJson("{\"broker\": \"\"}"));
		assertEquals(Optional.empty(), ProjectBrokerProfile.fromJson("not json"));
		assertTrue(ProjectBrokerProfile.fromToml("MQTT_PORT = 1883\n").isEmpty());
	}

	private static String generated(Runtime runtime, String host, int port, boolean tls, String user, String prefix) {
		Board board = runtime == Runtime.MICROPYTHON ? Board.ESP32 : Board.PICO_W;
		ProjectSpec spec = new ProjectSpec("p", runtime, board, Sensor.ANALOG, board.defaultPin(runtime, Sensor.ANALOG),
				"net", "wifi", host, port, tls, user, user.isEmpty() ? "" : "pw", "", prefix, 5, false, "", false);
		return new String(ProjectGenerator.generate(spec)
				.get(runtime == Runtime.MICROPYTHON ? "config.json" : "settings.toml"), java.nio.charset.StandardCharsets.UTF_8);
	}
}
