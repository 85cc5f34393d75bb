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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.core.tests.templates.HostDevice.Libraries;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/**
 * End to end: the generated main.py / code.py run unchanged under the host's python3 (see {@link HostDevice}) against
 * a real Mosquitto, on the real device libraries and on the stand-ins, and the broker receives the reading, the
 * availability message, the last will and, when chosen, the Home Assistant discovery config.
 */
class GeneratedProjectOnBrokerTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

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

	@ParameterizedTest
	@EnumSource(Libraries.class)
	void microPythonAnalogSensorWithHomeAssistant(Libraries libraries) throws Exception {
		run(spec(Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, true), libraries);
		String state = "home/esp32_deadbeef0001";
		assertEquals("online", await(state + "/availability"));
		assertEquals("32768", await(state));
		JsonObject config = JsonParser.parseString(await("homeassistant/sensor/esp32_deadbeef0001/value/config"))
				.getAsJsonObject();
		assertEquals(state, config.get("state_topic").getAsString());
		assertEquals(state + "/availability", config.get("availability_topic").getAsString());
		assertEquals("{{ value }}", config.get("value_template").getAsString());
		assertEquals("ESP32 family (ESP32, -S2, -S3, -C3)", config.getAsJsonObject("device").get("model").getAsString());

		device.kill();
		assertEquals("offline", topics.awaitNth(state + "/availability", 2, device), "the last will");
	}

	@ParameterizedTest
	@EnumSource(Libraries.class)
	void microPythonDhtPublishesJsonWithoutDiscovery(Libraries libraries) throws Exception {
		run(spec(Runtime.MICROPYTHON, Board.ESP8266, Sensor.DHT22, false), libraries);
		JsonObject reading = JsonParser.parseString(await("home/esp8266_deadbeef0001")).getAsJsonObject();
		assertEquals(21.5, reading.get("temperature").getAsDouble());
		assertEquals(40.0, reading.get("humidity").getAsDouble());
		assertFalse(topics.received().keySet().stream().anyMatch(t -> t.startsWith("homeassistant/")),
				topics.received().toString());
	}

	@ParameterizedTest
	@EnumSource(Libraries.class)
	void circuitPythonAnalogSensorWithHomeAssistant(Libraries libraries) throws Exception {
		run(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.ANALOG, true), libraries);
		String state = "home/circuitpy_cafe00010203";
		assertEquals("online", await(state + "/availability"));
		assertEquals("40000", await(state));
		JsonObject config = JsonParser
				.parseString(await("homeassistant/sensor/circuitpy_cafe00010203/value/config")).getAsJsonObject();
		assertEquals(state, config.get("state_topic").getAsString());

		device.kill();
		assertEquals("offline", topics.awaitNth(state + "/availability", 2, device), "the last will");
	}

	@ParameterizedTest
	@EnumSource(Libraries.class)
	void circuitPythonDhtPublishesJson(Libraries libraries) throws Exception {
		run(spec(Runtime.CIRCUITPYTHON, Board.PICO_W, Sensor.DHT22, false), libraries);
		JsonObject reading = JsonParser.parseString(await("home/picow_cafe00010203")).getAsJsonObject();
		assertEquals(22.5, reading.get("temperature").getAsDouble());
		assertEquals(45.0, reading.get("humidity").getAsDouble());
	}

	/**
	 * The last will is retained at QoS 1: a subscriber that comes after the board died still gets it, at QoS 1. On
	 * the stand-ins too, which refuse paho's will_set order (MiniMQTT's is topic, msg, retain, qos).
	 */
	@ParameterizedTest
	@CsvSource({ "MICROPYTHON, STAND_INS", "MICROPYTHON, REAL", "CIRCUITPYTHON, STAND_INS", "CIRCUITPYTHON, REAL" })
	void lastWillIsRetainedAtQos1(Runtime runtime, Libraries libraries) throws Exception {
		ProjectSpec spec = runtime == Runtime.MICROPYTHON ? spec(runtime, Board.ESP32, Sensor.ANALOG, false)
				: spec(runtime, Board.ADAFRUIT, Sensor.ANALOG, false);
		String availability = (runtime == Runtime.MICROPYTHON ? "home/esp32_deadbeef0001"
				: "home/circuitpy_cafe00010203") + "/availability";
		run(spec, libraries);
		assertEquals("online", await(availability));
		device.kill();
		assertEquals("offline", topics.awaitNth(availability, 2, device));

		MqttMessage will = retained(availability);
		assertEquals("offline", new String(will.getPayload(), StandardCharsets.UTF_8));
		assertTrue(will.isRetained(), "retained");
		assertEquals(1, will.getQos(), "the will's QoS");
	}

	/** A username without a password (a token broker) connects: both libraries then send an empty password. */
	@ParameterizedTest
	@EnumSource(Runtime.class)
	void usernameWithoutPasswordConnects(Runtime runtime) throws Exception {
		ProjectSpec spec = runtime == Runtime.MICROPYTHON ? spec(runtime, Board.ESP32, Sensor.ANALOG, false)
				: spec(runtime, Board.ADAFRUIT, Sensor.ANALOG, false);
		spec = new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), spec.wifiSsid(),
				spec.wifiPassword(), spec.host(), spec.port(), false, "token-only", "", "", "home", 1, false, "", false);
		run(spec, Libraries.REAL);
		await(runtime == Runtime.MICROPYTHON ? "home/esp32_deadbeef0001" : "home/circuitpy_cafe00010203");
	}

	/**
	 * Idle, the loop waits in the socket without spinning; a lost broker is noticed within MiniMQTT's receive
	 * timeout (2 s), not its 10 s default, and the board comes back when the broker does. The interval is long, so
	 * that only the loop, not a publish, can notice.
	 */
	@Test
	void circuitPythonNoticesALostBrokerWithinTwoSeconds() throws Exception {
		ProjectSpec spec = spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.ANALOG, false);
		spec = new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), spec.wifiSsid(),
				spec.wifiPassword(), spec.host(), spec.port(), false, "", "", "", "home", 600, false, "", false);
		run(spec, Libraries.REAL);
		await("home/circuitpy_cafe00010203");
		device.awaitOutput("Listening for commands", 1, Duration.ofSeconds(10));
		Duration before = device.cpuTime();
		Thread.sleep(2000); // idle in the loop: it waits in the socket, it does not spin
		Duration idle = device.cpuTime().minus(before);
		assertTrue(idle.toMillis() < 500, "2 s idle took " + idle.toMillis() + " ms of processor time");

		long lost = System.nanoTime();
		broker.kill();
		device.awaitOutput("retrying in", 1, Duration.ofSeconds(15));
		long noticed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lost);
		assertTrue(noticed < 3500, "the lost broker was noticed after " + noticed + " ms:\n" + device.log());

		broker.restart();
		device.awaitOutput("Listening for commands", 2, Duration.ofSeconds(15));
	}

	/** MicroPython notices a lost broker at its next publish and connects again once the broker is back. */
	@Test
	void microPythonReconnectsAfterABrokerRestart() throws Exception {
		run(spec(Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, false), Libraries.REAL);
		device.awaitOutput("Connected to", 1, Duration.ofSeconds(15));
		broker.kill();
		device.awaitOutput("retrying in", 1, Duration.ofSeconds(10));
		broker.restart();
		device.awaitOutput("Connected to", 2, Duration.ofSeconds(15));
	}

	private MqttMessage retained(String topic) throws Exception {
		BlockingQueue<MqttMessage> messages = new ArrayBlockingQueue<>(10);
		MqttClient client = new MqttClient("tcp://" + broker.host() + ":" + broker.port(), "late-subscriber",
				new MemoryPersistence());
		try {
			client.connect();
			client.subscribe(topic, 1, (t, message) -> messages.add(message));
			MqttMessage message = messages.poll(10, TimeUnit.SECONDS);
			assertTrue(message != null, "no retained message on " + topic);
			return message;
		} finally {
			if (client.isConnected()) {
				client.disconnect();
			}
			client.close();
		}
	}

	private ProjectSpec spec(Runtime runtime, Board board, Sensor sensor, boolean homeAssistant) {
		return new ProjectSpec("e2e", runtime, board, sensor, board.defaultPin(runtime, sensor), "test-net", "pw",
				broker.host(), broker.port(), false, "", "", "", "home", 1, false, "", homeAssistant);
	}

	private void run(ProjectSpec spec, Libraries libraries) throws Exception {
		if (libraries == Libraries.REAL) {
			HostDevice.assumeRealLibraries();
		}
		topics = new TopicRecorder(MqttSettings.of(broker.host(), broker.port(), "watcher"));
		device = HostDevice.start(spec, project, libraries);
	}

	private String await(String topic) throws Exception {
		return topics.awaitNth(topic, 1, device);
	}
}
