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
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.core.tests.MqttSession;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/**
 * End to end: the generated main.py / code.py run unchanged under the host's python3 (doubles only for pins, Wi-Fi
 * and the MQTT library's device flavour, see host-shims/) against a real Mosquitto, and the broker receives the
 * reading, the availability message, the last will and, when chosen, the Home Assistant discovery config.
 */
class GeneratedProjectOnBrokerTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@TempDir
	Path project;

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();
	private MqttSession watcher;
	private Process device;

	@AfterEach
	void stop() throws Exception {
		if (device != null) {
			device.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		if (watcher != null) {
			watcher.close();
		}
	}

	@Test
	void microPythonAnalogSensorWithHomeAssistant() throws Exception {
		run(spec(Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, true), "main.py");
		String state = "home/esp32_deadbeef0001";
		assertEquals("online", await(state + "/availability"));
		assertEquals("32768", await(state));
		JsonObject config = JsonParser.parseString(await("homeassistant/sensor/esp32_deadbeef0001/value/config"))
				.getAsJsonObject();
		assertEquals(state, config.get("state_topic").getAsString());
		assertEquals(state + "/availability", config.get("availability_topic").getAsString());
		assertEquals("{{ value }}", config.get("value_template").getAsString());
		assertEquals("ESP32 family (ESP32, -S2, -S3, -C3)", config.getAsJsonObject("device").get("model").getAsString());

		device.destroyForcibly();
		assertEquals("offline", awaitNth(state + "/availability", 2), "the last will");
	}

	@Test
	void microPythonDhtPublishesJsonWithoutDiscovery() throws Exception {
		run(spec(Runtime.MICROPYTHON, Board.ESP8266, Sensor.DHT22, false), "main.py");
		JsonObject reading = JsonParser.parseString(await("home/esp8266_deadbeef0001")).getAsJsonObject();
		assertEquals(21.5, reading.get("temperature").getAsDouble());
		assertEquals(40.0, reading.get("humidity").getAsDouble());
		assertFalse(received.keySet().stream().anyMatch(t -> t.startsWith("homeassistant/")), received.toString());
	}

	@Test
	void circuitPythonAnalogSensorWithHomeAssistant() throws Exception {
		run(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.ANALOG, true), "code.py");
		String state = "home/circuitpy_cafe00010203";
		assertEquals("online", await(state + "/availability"));
		assertEquals("40000", await(state));
		JsonObject config = JsonParser
				.parseString(await("homeassistant/sensor/circuitpy_cafe00010203/value/config")).getAsJsonObject();
		assertEquals(state, config.get("state_topic").getAsString());

		device.destroyForcibly();
		assertEquals("offline", awaitNth(state + "/availability", 2), "the last will");
	}

	@Test
	void circuitPythonDhtPublishesJson() throws Exception {
		run(spec(Runtime.CIRCUITPYTHON, Board.PICO_W, Sensor.DHT22, false), "code.py");
		JsonObject reading = JsonParser.parseString(await("home/picow_cafe00010203")).getAsJsonObject();
		assertEquals(22.5, reading.get("temperature").getAsDouble());
		assertEquals(45.0, reading.get("humidity").getAsDouble());
	}

	private ProjectSpec spec(Runtime runtime, Board board, Sensor sensor, boolean homeAssistant) {
		return new ProjectSpec("e2e", runtime, board, sensor, board.defaultPin(runtime, sensor), "test-net", "pw",
				broker.host(), broker.port(), false, "", "", "", "home", 1, false, "", homeAssistant);
	}

	private void run(ProjectSpec spec, String entry) throws Exception {
		watcher = MqttSession.connect(MqttSettings.of(broker.host(), broker.port(), "watcher"),
				(topic, payload, retained) -> received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>())
						.add(new String(payload, StandardCharsets.UTF_8)));
		watcher.subscribe("#", 1);
		for (Map.Entry<String, byte[]> file : ProjectGenerator.generate(spec).entrySet()) {
			Files.write(project.resolve(file.getKey()), file.getValue());
		}
		Path shims = Path.of("host-shims", spec.runtime() == Runtime.MICROPYTHON ? "micropython" : "circuitpython")
				.toAbsolutePath();
		assertTrue(Files.isDirectory(shims), "host shims at " + shims);
		ProcessBuilder builder = new ProcessBuilder(python(), "-u", entry).directory(project.toFile())
				.redirectErrorStream(true).redirectOutput(project.resolve("device.log").toFile());
		builder.environment().put("PYTHONPATH", shims.toString());
		builder.environment().put("SHIM_FLASH", project.toString());
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		device = builder.start();
	}

	private static String python() throws IOException, InterruptedException {
		String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
		Process check = new ProcessBuilder(python, "-c", "import paho.mqtt.client").start();
		if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
			fail("python3 with paho-mqtt is needed: apt-get install python3-paho-mqtt");
		}
		return python;
	}

	private String await(String topic) throws IOException, InterruptedException {
		return awaitNth(topic, 1);
	}

	/** The n-th payload on the topic, waiting at most 15 s. */
	private String awaitNth(String topic, int n) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			List<String> payloads = received.get(topic);
			if (payloads != null && payloads.size() >= n) {
				return payloads.get(n - 1);
			}
			Thread.sleep(50);
		}
		Path log = project.resolve("device.log");
		return fail("nothing (#" + n + ") on " + topic + "; received " + received.keySet() + "\ndevice output:\n"
				+ (Files.exists(log) ? Files.readString(log) : "none"));
	}
}
