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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The generated README's mosquitto_sub line works as written: the user copies it, fills in the password, runs it. */
class ReadmeWatchCommandTest {

	private static final String USER = "sensor-user";
	private static final String PASSWORD = "broker-secret-2";

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.withPassword(USER, PASSWORD);

	@Test
	void theCommandAsWrittenReceivesTheReadingFromABrokerThatWantsAPassword() throws Exception {
		ProjectSpec spec = spec(Runtime.MICROPYTHON, broker.host(), broker.port(), false, USER);
		String command = watchLine(readme(spec));
		assertFalse(command.contains(PASSWORD), "the README is committed, the password is not: " + command);
		run("mosquitto_pub -h " + broker.host() + " -p " + broker.port() + " -u " + USER + " -P " + PASSWORD
				+ " -r -t home/esp32_1a2b3c4d5e6f -m 21.5");

		String output = run(command.replace("<password>", PASSWORD) + " -C 1 -W 10");

		assertEquals("home/esp32_1a2b3c4d5e6f 21.5", output.strip(), command);
	}

	@Test
	void portUserAndTlsAppearOnlyWhenTheProjectHasThem() {
		assertEquals("mosquitto_sub -h broker.local -v -t \"home/#\"",
				watchLine(readme(spec(Runtime.MICROPYTHON, "broker.local", 1883, false, ""))));
		assertEquals("mosquitto_sub -h broker.local -p 8883 -u 'sensor-user' -P '<password>' --cafile ca.pem -v -t "
				+ "\"home/#\"", watchLine(readme(spec(Runtime.MICROPYTHON, "broker.local", 8883, true, USER))));
		assertEquals("mosquitto_sub -h broker.local -p 8883 -u 'sensor-user' -P '<password>' --capath /etc/ssl/certs "
				+ "-v -t \"home/#\"", watchLine(readme(spec(Runtime.CIRCUITPYTHON, "broker.local", 8883, true, USER))));
		assertTrue(readme(spec(Runtime.CIRCUITPYTHON, "broker.local", 1883, false, USER))
				.contains("Replace `<password>` with the broker password (it is in `settings.toml`)"));
		assertFalse(readme(spec(Runtime.MICROPYTHON, "broker.local", 1883, false, "")).contains("<password>"));
	}

	private static ProjectSpec spec(Runtime runtime, String host, int port, boolean tls, String user) {
		Board board = runtime == Runtime.MICROPYTHON ? Board.ESP32 : Board.ADAFRUIT;
		return new ProjectSpec("garden", runtime, board, Sensor.ANALOG, board.defaultPin(runtime, Sensor.ANALOG),
				"My Wi-Fi", "wifi-secret-1", host, port, tls, user, user.isEmpty() ? "" : PASSWORD, "", "home", 5,
				false, "", false);
	}

	private static String readme(ProjectSpec spec) {
		return ProjectGeneratorTest.text(ProjectGenerator.generate(spec), "README.md");
	}

	/** The README's command line: the indented code line that starts with mosquitto_sub. */
	private static String watchLine(String readme) {
		return readme.lines().filter(line -> line.startsWith("    mosquitto_sub ")).findFirst().orElseThrow().strip();
	}

	/** Runs a shell command line as a user would paste it; its standard output. */
	private static String run(String commandLine) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of("bash", "-c", commandLine)).redirectErrorStream(true).start();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("still running after 20 s: " + commandLine);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), commandLine + "\n" + output);
		return output;
	}
}
