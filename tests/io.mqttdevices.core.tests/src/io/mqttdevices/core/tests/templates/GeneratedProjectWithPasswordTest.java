/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.core.tests.templates.HostDevice.Libraries;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The generated device code on the real libraries against a Mosquitto that wants a username and password. */
class GeneratedProjectWithPasswordTest {

	private static final String USER = "sensor";
	private static final String NON_ASCII_PASSWORD = "pässwörd-✓";

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.withPassword(USER, NON_ASCII_PASSWORD);

	@TempDir
	Path project;

	private TopicRecorder topics;
	private HostDevice device;

	@AfterEach
	void stop() throws Exception {
		if (device != null) {
			device.close();
		}
		if (topics != null) {
			topics.close();
		}
	}

	/** umqtt.simple sends len() of a str as its length: the device must pass UTF-8 bytes. */
	@ParameterizedTest
	@EnumSource(Runtime.class)
	void nonAsciiPasswordConnects(Runtime runtime) throws Exception {
		topics = new TopicRecorder(settings(NON_ASCII_PASSWORD));
		device = HostDevice.start(spec(runtime, NON_ASCII_PASSWORD), project, Libraries.REAL);
		assertEquals("online", topics.awaitNth(stateTopic(runtime) + "/availability", 1, device));
	}

	/**
	 * A refusal (wrong password) is reported in words and retried: once the broker has the device's password, the
	 * device connects without a reset and tells the error topic why it was kept out.
	 */
	@ParameterizedTest
	@EnumSource(Runtime.class)
	void refusedDeviceRetriesUntilTheBrokerLetsItIn(Runtime runtime) throws Exception {
		device = HostDevice.start(spec(runtime, "new-secret"), project, Libraries.REAL);
		device.awaitOutput("Broker refused the connection: not authorised (CONNACK 5) - retrying in 10 s", 1,
				Duration.ofSeconds(15));
		assertTrue(device.isAlive(), device.log());

		broker.changePassword("new-secret");
		topics = new TopicRecorder(settings("new-secret"));
		String state = stateTopic(runtime);
		assertEquals("online", topics.awaitNth(state + "/availability", 1, device));
		assertEquals("Broker refused the connection: not authorised (CONNACK 5)",
				topics.awaitNth(state + "/error", 1, device));
		topics.awaitNth(state, 1, device);
	}

	private MqttSettings settings(String password) {
		return new MqttSettings(broker.host(), broker.port(), "watcher", USER, password.toCharArray());
	}

	private ProjectSpec spec(Runtime runtime, String password) {
		Board board = runtime == Runtime.MICROPYTHON ? Board.ESP32 : Board.ADAFRUIT;
		return new ProjectSpec("e2e", runtime, board, Sensor.ANALOG, board.defaultPin(runtime, Sensor.ANALOG),
				"test-net", "pw", broker.host(), broker.port(), false, USER, password, "", "home", 1, false, "", false);
	}

	private static String stateTopic(Runtime runtime) {
		return runtime == Runtime.MICROPYTHON ? "home/esp32_deadbeef0001" : "home/circuitpy_cafe00010203";
	}
}
