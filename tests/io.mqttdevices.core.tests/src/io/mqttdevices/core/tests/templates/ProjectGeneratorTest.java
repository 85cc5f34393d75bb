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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;

/** Generation for every runtime × board × sensor (× Home Assistant on/off), asserting what the files say. */
class ProjectGeneratorTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z][A-Z_]*@");

	/** Every combination the validator accepts. */
	static List<ProjectSpec> allValidSpecs() {
		List<ProjectSpec> specs = new ArrayList<>();
		for (Runtime runtime : Runtime.values()) {
			for (Board board : Board.values()) {
				for (Sensor sensor : Sensor.values()) {
					if (!board.runs(runtime) || sensor == Sensor.INTERNAL_TEMPERATURE && !board.hasInternalTemperature()) {
						continue;
					}
					for (boolean ha : new boolean[] { false, true }) {
						specs.add(spec(runtime, board, sensor, ha));
					}
				}
			}
		}
		return specs;
	}

	static ProjectSpec spec(Runtime runtime, Board board, Sensor sensor, boolean homeAssistant) {
		return new ProjectSpec("Kitchen's sensor", runtime, board, sensor, board.defaultPin(runtime, sensor),
				"My Wi-Fi", "wifi-secret-1", "broker.local", 1883, false, "sensor-user", "broker-secret-2", "", "home",
				7, false, "", homeAssistant);
	}

	@Test
	void everyCombinationGeneratesCompleteFiles() {
		List<ProjectSpec> specs = allValidSpecs();
		assertEquals(74, specs.size(), "combinations");
		for (ProjectSpec spec : specs) {
			Map<String, byte[]> files = ProjectGenerator.generate(spec);
			String label = spec.runtime() + "/" + spec.board() + "/" + spec.sensor() + "/ha=" + spec.homeAssistant();
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				String text = new String(file.getValue(), StandardCharsets.UTF_8);
				assertFalse(PLACEHOLDER.matcher(text).find(), label + " " + file.getKey() + " has an unfilled placeholder");
			}
			if (spec.runtime() == Runtime.MICROPYTHON) {
				assertMicroPython(spec, files, label);
			} else {
				assertCircuitPython(spec, files, label);
			}
			String readme = text(files, "README.md");
			assertTrue(readme.contains("mosquitto_sub -h broker.local -u 'sensor-user' -P '<password>' -v -t \"home/#\""),
					label);
			// the YAML Home Assistant reads today (2022.6 on); "- platform: mqtt" under "sensor:" stopped working in 2022.12
			assertTrue(readme.contains("    mqtt:\n      sensor:\n        - name: \"" + spec.name() + "\"\n"), label);
			assertFalse(readme.contains("platform: mqtt"), label);
		}
	}

	private static void assertMicroPython(ProjectSpec spec, Map<String, byte[]> files, String label) {
		assertEquals(Set.of(".gitignore", "README.md", "boot.py", "config.example.json", "config.json", "main.py",
				"package.json", "wlan.py"), files.keySet(), label);
		assertEquals("{\n  \"deps\": [\n    [\"umqtt.simple\", \"latest\"]\n  ]\n}\n", text(files, "package.json"), label);
		String main = text(files, "main.py");
		assertTrue(main.contains("from umqtt.simple import MQTTClient"), label);
		assertTrue(main.contains("def load_config():") && main.contains("def save_config():"), label);
		assertTrue(main.contains("b\"" + spec.board().clientIdPrefix() + "_\" + ubinascii.hexlify(machine.unique_id())"),
				label);
		assertTrue(main.contains("set_last_will(availability_topic, b\"offline\", retain=True, qos=1)"), label);
		assertTrue(main.contains(sensorMarker(spec)), label + " sensor code " + sensorMarker(spec));
		assertEquals(spec.homeAssistant(), main.contains("homeassistant/%s/%s/%s/config"), label);
		assertEquals(spec.sensor().fields().size() > 1, main.contains("json.dumps(reading)"), label);

		JsonObject config = JsonParser.parseString(text(files, "config.json")).getAsJsonObject();
		assertEquals("broker.local", config.get("broker").getAsString(), label);
		assertEquals("wifi-secret-1", config.get("wifi_password").getAsString(), label);
		assertEquals("broker-secret-2", config.get("password").getAsString(), label);
		assertEquals(7, config.get("interval").getAsInt(), label);
		assertEquals(spec.sensor().usesPin(), config.has("sensor_pin"), label);
		String example = text(files, "config.example.json");
		assertFalse(example.contains("secret") || main.contains("secret"), label + " secrets leaked");
		assertEquals("# holds Wi-Fi and broker passwords: never commit it\nconfig.json\n", text(files, ".gitignore"));
	}

	private static void assertCircuitPython(ProjectSpec spec, Map<String, byte[]> files, String label) {
		assertEquals(Set.of(".gitignore", "README.md", "code.py", "requirements.txt", "settings.example.toml",
				"settings.toml"), files.keySet(), label);
		String code = text(files, "code.py");
		assertTrue(code.contains("import adafruit_minimqtt.adafruit_minimqtt as MQTT"), label);
		for (String callback : List.of("on_connect = connected", "on_disconnect = disconnected",
				"on_subscribe = subscribed", "on_unsubscribe = unsubscribed", "on_publish = published")) {
			assertTrue(code.contains(callback), label + " " + callback);
		}
		assertTrue(code.contains("def subscribed(client, userdata, topic, granted_qos):"), label);
		assertTrue(code.contains("wifi.radio.connect(os.getenv(\"CIRCUITPY_WIFI_SSID\"), os.getenv(\"CIRCUITPY_WIFI_PASSWORD\"))"),
				label);
		assertTrue(code.contains(sensorMarker(spec)), label + " sensor code " + sensorMarker(spec));
		assertEquals(spec.homeAssistant(), code.contains("homeassistant/%s/%s/%s/config"), label);

		TomlParseResult settings = Toml.parse(text(files, "settings.toml"));
		assertFalse(settings.hasErrors(), label + " " + settings.errors());
		assertEquals("My Wi-Fi", settings.getString("CIRCUITPY_WIFI_SSID"), label);
		assertEquals("wifi-secret-1", settings.getString("CIRCUITPY_WIFI_PASSWORD"), label);
		assertEquals("broker-secret-2", settings.getString("MQTT_PASSWORD"), label);
		assertEquals(1883L, settings.getLong("MQTT_PORT"), label);
		TomlParseResult example = Toml.parse(text(files, "settings.example.toml"));
		assertEquals("", example.getString("MQTT_PASSWORD"), label);
		assertFalse(text(files, "settings.example.toml").contains("secret") || code.contains("secret"), label);
		assertEquals(spec.sensor() == Sensor.DHT11 || spec.sensor() == Sensor.DHT22,
				text(files, "requirements.txt").contains("adafruit_dht"), label);
	}

	private static String sensorMarker(ProjectSpec spec) {
		boolean mp = spec.runtime() == Runtime.MICROPYTHON;
		return switch (spec.sensor()) {
		case ANALOG -> mp ? (spec.board() == Board.ESP8266 ? "adc.read()" : "adc.read_u16()") : "analogio.AnalogIn(PIN)";
		case DIGITAL_ON_CHANGE -> mp ? "pin.irq(trigger=machine.Pin.IRQ_RISING | machine.Pin.IRQ_FALLING" : "keypad.Keys((PIN,)";
		case DHT11 -> mp ? "dht.DHT11(" : "adafruit_dht.DHT11(PIN)";
		case DHT22 -> mp ? "dht.DHT22(" : "adafruit_dht.DHT22(PIN)";
		case INTERNAL_TEMPERATURE -> mp ? (spec.board() == Board.ESP32 ? "esp32.mcu_temperature()" : "machine.ADC(4)")
				: "microcontroller.cpu.temperature";
		};
	}

	@Test
	void adafruitIoPublishesToFeeds() {
		ProjectSpec spec = new ProjectSpec("aio", Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.DHT22, "D5", "net",
				"pw", ProjectSpec.ADAFRUIT_IO_HOST, 8883, true, "jane", "aio_key", "", "home", 30, true,
				"greenhouse", false);
		Map<String, byte[]> files = ProjectGenerator.generate(spec);
		String code = text(files, "code.py");
		assertTrue(code.contains("STATE_TOPIC = USERNAME + \"/feeds/\" + setting(\"AIO_FEED\")"), code);
		assertTrue(code.contains("client.publish(STATE_TOPIC + \"-\" + name, str(value))"), code);
		TomlParseResult settings = Toml.parse(text(files, "settings.toml"));
		assertEquals("greenhouse", settings.getString("AIO_FEED"));
		assertEquals(1L, settings.getLong("MQTT_TLS"));
		assertTrue(text(files, "README.md").contains("jane/feeds/greenhouse"));
	}

	@Test
	void readmeSaysWhereUmqttComesFromAndWhatTlsNeeds() {
		String plain = text(ProjectGenerator.generate(spec(Runtime.MICROPYTHON, Board.PICO_W, Sensor.ANALOG, false)),
				"README.md");
		assertTrue(plain.contains("declared in `package.json`: Upload to Board installs it from micropython-lib first "
				+ "when the board lacks it (ESP32 firmware and ESP8266 firmware for 2 MB or more of flash have it built in)."),
				plain);
		assertTrue(plain.contains("Board Libraries"), plain);
		assertFalse(plain.contains("mpremote"), plain);
		String circuit = text(ProjectGenerator.generate(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.DHT22, false)),
				"README.md");
		assertTrue(circuit.contains("Flash to CIRCUITPY: it first installs the libraries `requirements.txt` lists"),
				circuit);
		assertFalse(circuit.contains("circup"), circuit);
		assertFalse(text(ProjectGenerator.generate(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT, Sensor.DHT22, false)),
				"code.py").contains("circup"));
		assertFalse(plain.contains("## TLS"), plain);

		String micropython = text(ProjectGenerator.generate(withTls(spec(Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG,
				false))), "README.md");
		assertTrue(micropython.contains("## TLS\n\nThe board checks the broker's certificate against `ca.pem`"), micropython);
		assertTrue(micropython.contains("TLS needs an ESP32 or a Pico W"), micropython);
		String circuitpython = text(ProjectGenerator.generate(withTls(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT,
				Sensor.ANALOG, false))), "README.md");
		assertTrue(circuitpython.contains("built-in root certificates"), circuitpython);
		assertTrue(circuitpython.contains("into the project as `ca.pem`"), circuitpython);
	}

	private static ProjectSpec withTls(ProjectSpec spec) {
		return new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), spec.wifiSsid(),
				spec.wifiPassword(), spec.host(), ProjectSpec.DEFAULT_TLS_PORT, true, spec.username(), spec.password(),
				spec.clientId(), spec.topicPrefix(), spec.intervalSeconds(), false, "", spec.homeAssistant());
	}

	@Test
	void secretsWithQuotesAndBackslashesStayValid() {
		ProjectSpec base = spec(Runtime.CIRCUITPYTHON, Board.PICO_W, Sensor.ANALOG, false);
		ProjectSpec spec = new ProjectSpec(base.name(), base.runtime(), base.board(), base.sensor(), base.pin(),
				"Café \"5G\"", "p\\w\"d\n", base.host(), base.port(), false, "u", "x", "", "home", 5, false, "", false);
		TomlParseResult settings = Toml.parse(text(ProjectGenerator.generate(spec), "settings.toml"));
		assertFalse(settings.hasErrors(), settings.errors().toString());
		assertEquals("Café \"5G\"", settings.getString("CIRCUITPY_WIFI_SSID"));
		assertEquals("p\\w\"d\n", settings.getString("CIRCUITPY_WIFI_PASSWORD"));
	}

	@Test
	void invalidSpecIsRefused() {
		ProjectSpec spec = spec(Runtime.MICROPYTHON, Board.ESP8266, Sensor.INTERNAL_TEMPERATURE, false);
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> ProjectGenerator.generate(spec));
		assertTrue(error.getMessage().contains("no internal temperature"), error.getMessage());
	}

	static String text(Map<String, byte[]> files, String name) {
		byte[] content = files.get(name);
		assertTrue(content != null, "missing " + name);
		return new String(content, StandardCharsets.UTF_8);
	}
}
