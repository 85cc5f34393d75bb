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

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.Problem;
import io.mqttdevices.core.templates.Problem.Field;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.core.templates.SpecValidator;

/** What the wizard checks as the user types. */
class SpecValidatorTest {

	private static final ProjectSpec VALID = ProjectGeneratorTest.spec(Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG,
			false);

	@Test
	void aCompleteSpecHasNoErrors() {
		assertFalse(SpecValidator.hasErrors(SpecValidator.validate(VALID)), SpecValidator.validate(VALID).toString());
	}

	@Test
	void hostSyntax() {
		for (String good : List.of("broker.local", "192.168.1.10", "mqtt", "io.adafruit.com", "::1", "[fe80::1]")) {
			assertFalse(errors(host(good)).contains(Field.HOST), good);
		}
		for (String bad : List.of("", "bad host", "-x.com", "256.1.1.1", "a..b", "http://broker", "host:1883")) {
			assertTrue(errors(host(bad)).contains(Field.HOST), bad);
		}
	}

	@Test
	void aLoopbackHostIsAWarningNamingWhatToUseInstead() {
		for (String loopback : List.of("127.0.0.1", "127.1.2.3", "localhost", "LocalHost.", "::1", "[::1]",
				"0:0:0:0:0:0:0:1")) {
			List<Problem> problems = SpecValidator.validate(host(loopback));
			assertFalse(SpecValidator.hasErrors(problems), loopback + ": Finish stays possible " + problems);
			assertEquals(List.of(new Problem(Field.HOST, false, "On the board, " + loopback
					+ " is the board itself: use this computer's LAN address.")), problems, loopback);
		}
		for (String other : List.of("192.168.1.10", "broker.local", "10.0.0.127", "mqtt", "[fe80::1]", "::2")) {
			assertEquals(List.of(), SpecValidator.validate(host(other)), other);
		}
	}

	@Test
	void aLanBrokerWithoutUsernameIsAWarningOnlyWhileTheLocalBrokerRequiresOne() {
		String expected = "The IDE's local broker requires a username and password (Listen on the LAN is on):"
				+ " if it is your broker, enter them.";
		for (String lan : List.of("192.168.1.10", "10.1.2.3", "172.20.0.5", "169.254.3.4", "broker.local",
				"fd12:3456::1", "[fe80::1]")) {
			assertEquals(List.of(new Problem(Field.USERNAME, false, expected)), SpecValidator.validate(host(lan), true),
					lan);
			assertEquals(List.of(), SpecValidator.validate(host(lan), false), lan + ": the local broker is open");
			assertEquals(List.of(), SpecValidator.validate(withUser(host(lan), "sensor"), true), lan + " with a user");
		}
		for (String elsewhere : List.of("test.mosquitto.org", "8.8.8.8", "172.32.0.1", "mqtt")) {
			assertEquals(List.of(), SpecValidator.validate(host(elsewhere), true), elsewhere);
		}
	}

	@Test
	void portRange() {
		assertTrue(errors(port(0)).contains(Field.PORT));
		assertTrue(errors(port(65536)).contains(Field.PORT));
		assertFalse(errors(port(65535)).contains(Field.PORT));
		assertFalse(errors(port(1)).contains(Field.PORT));
	}

	@Test
	void topicPrefixMustBePublishable() {
		for (String bad : List.of("", "home/+", "home/#", "$SYS")) {
			assertTrue(errors(prefix(bad)).contains(Field.TOPIC_PREFIX), bad);
		}
		assertFalse(errors(prefix("home/garden")).contains(Field.TOPIC_PREFIX));
	}

	@Test
	void topicPrefixMessagesNameTheFieldAndATrailingSlashIsRefused() {
		assertEquals("The topic prefix cannot contain + or #: they are wildcards, for subscribing only.",
				message(prefix("home/#")));
		// the board publishes to <prefix>/<client id>: "home/" would give "home//esp32_..."
		assertEquals("The topic prefix cannot end with '/': the board adds '/' and its id (home/<client id>).",
				message(prefix("home/")));
		assertEquals("The topic prefix cannot have an empty level (//).", message(prefix("home//garden")));
	}

	@Test
	void pinMessagesSayWhichPinsToUse() {
		assertEquals("The ESP8266 reads analog values only on its A0 pin: enter 0.",
				message(pin(Board.ESP8266, Sensor.ANALOG, "5")));
		assertEquals("The ESP32 family reads analog values only on GPIO 32, 33, 34, 35, 36 or 39: enter one of them.",
				message(pin(Board.ESP32, Sensor.ANALOG, "4")));
		assertEquals("GPIO 1 cannot be used for a sensor on the ESP8266: enter GPIO 0, 2, 4, 5, 12, 13, 14, 15 or 16.",
				message(pin(Board.ESP8266, Sensor.DHT22, "1")));
		assertEquals("Enter the pin as a GPIO number, e.g. 4.", message(pin(Board.ESP8266, Sensor.DHT22, "abc")));
	}

	@Test
	void clientIdWarningsSayWhatToDo() {
		ProjectSpec circuitPython = new ProjectSpec(VALID.name(), Runtime.CIRCUITPYTHON, Board.ADAFRUIT, VALID.sensor(),
				"A0", VALID.wifiSsid(), "", VALID.host(), VALID.port(), false, "", "", "", "home", 5, false, "", false);
		assertEquals("The id this board makes for itself (circuitpy_ and its unique id) has 26 characters; some brokers"
				+ " accept only 23. If the board cannot connect, enter a shorter client id.", message(circuitPython));
	}

	@Test
	void ssidIsAtMost32Bytes() {
		assertFalse(errors(ssid("x".repeat(32))).contains(Field.WIFI_SSID));
		assertTrue(errors(ssid("x".repeat(33))).contains(Field.WIFI_SSID));
		assertTrue(errors(ssid("é".repeat(17))).contains(Field.WIFI_SSID), "17 two-byte characters are 34 bytes");
		assertTrue(errors(ssid("")).contains(Field.WIFI_SSID));
	}

	@Test
	void pinsMustExistOnTheBoard() {
		assertTrue(errors(pin(Board.ESP32, Sensor.ANALOG, "4")).contains(Field.PIN), "GPIO 4 is ADC2, not allowed");
		assertFalse(errors(pin(Board.ESP32, Sensor.ANALOG, "34")).contains(Field.PIN));
		assertTrue(errors(pin(Board.PICO_W, Sensor.ANALOG, "15")).contains(Field.PIN));
		assertFalse(errors(pin(Board.PICO_W, Sensor.DIGITAL_ON_CHANGE, "15")).contains(Field.PIN));
		assertTrue(errors(pin(Board.ESP8266, Sensor.DHT22, "1")).contains(Field.PIN));
		assertTrue(errors(pin(Board.ESP8266, Sensor.DHT22, "abc")).contains(Field.PIN));
	}

	@Test
	void intervalMustBePositive() {
		ProjectSpec spec = new ProjectSpec(VALID.name(), VALID.runtime(), VALID.board(), VALID.sensor(), VALID.pin(),
				VALID.wifiSsid(), "", VALID.host(), VALID.port(), false, "", "", "", "home", 0, false, "", false);
		assertTrue(errors(spec).contains(Field.INTERVAL));
	}

	@Test
	void theDefaultClientIdWarnsOnlyWhereTheBoardsIdMakesItTooLong() {
		// esp8266_ + 4 bytes in hex = 16 characters, esp32_ + MAC = 18, picow_ + 8 bytes = 22: all fit in 23
		for (Board board : List.of(Board.ESP8266, Board.ESP32, Board.PICO_W)) {
			ProjectSpec spec = new ProjectSpec(VALID.name(), VALID.runtime(), board, VALID.sensor(),
					board.defaultPin(VALID.runtime(), VALID.sensor()), VALID.wifiSsid(), "", VALID.host(), VALID.port(),
					false, "", "", "", "home", 5, false, "", false);
			assertEquals(List.of(), SpecValidator.validate(spec), board.name());
		}
		// circuitpy_ + 8 bytes = 26
		ProjectSpec circuitPython = new ProjectSpec(VALID.name(), Runtime.CIRCUITPYTHON, Board.ADAFRUIT, VALID.sensor(),
				"A0", VALID.wifiSsid(), "", VALID.host(), VALID.port(), false, "", "", "", "home", 5, false, "", false);
		List<Problem> problems = SpecValidator.validate(circuitPython);
		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).message().contains("26 characters"), problems.get(0).message());
	}

	@Test
	void longClientIdIsOnlyAWarning() {
		ProjectSpec spec = new ProjectSpec(VALID.name(), VALID.runtime(), VALID.board(), VALID.sensor(), VALID.pin(),
				VALID.wifiSsid(), "", VALID.host(), VALID.port(), false, "", "", "a-very-long-client-id-for-mqtt",
				"home", 5, false, "", false);
		List<Problem> problems = SpecValidator.validate(spec);
		assertFalse(SpecValidator.hasErrors(problems), problems.toString());
		assertEquals(Field.CLIENT_ID, problems.get(0).field());
		assertTrue(problems.get(0).message().contains("23"));
	}

	@Test
	void boardMustRunTheRuntime() {
		assertTrue(errors(ProjectGeneratorTest.spec(Runtime.CIRCUITPYTHON, Board.ESP8266, Sensor.ANALOG, false))
				.contains(Field.BOARD));
	}

	private static String message(ProjectSpec spec) {
		return SpecValidator.validate(spec).get(0).message();
	}

	private static List<Field> errors(ProjectSpec spec) {
		return SpecValidator.validate(spec).stream().filter(Problem::error).map(Problem::field).toList();
	}

	private static ProjectSpec host(String host) {
		return new ProjectSpec("p", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, "34", "net", "", host, 1883, false,
				"", "", "", "home", 5, false, "", false);
	}

	private static ProjectSpec withUser(ProjectSpec spec, String username) {
		return new ProjectSpec(spec.name(), spec.runtime(), spec.board(), spec.sensor(), spec.pin(), spec.wifiSsid(),
				"", spec.host(), spec.port(), false, username, "pw", "", "home", 5, false, "", false);
	}

	private static ProjectSpec port(int port) {
		return new ProjectSpec("p", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, "34", "net", "", "h", port, false,
				"", "", "", "home", 5, false, "", false);
	}

	private static ProjectSpec prefix(String prefix) {
		return new ProjectSpec("p", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, "34", "net", "", "h", 1883, false,
				"", "", "", prefix, 5, false, "", false);
	}

	private static ProjectSpec ssid(String ssid) {
		return new ProjectSpec("p", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG, "34", ssid, "", "h", 1883, false,
				"", "", "", "home", 5, false, "", false);
	}

	private static ProjectSpec pin(Board board, Sensor sensor, String pin) {
		return new ProjectSpec("p", Runtime.MICROPYTHON, board, sensor, pin, "net", "", "h", 1883, false, "", "", "",
				"home", 5, false, "", false);
	}
}
