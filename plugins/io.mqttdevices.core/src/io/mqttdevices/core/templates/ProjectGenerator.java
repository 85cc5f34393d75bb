/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.templates;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates a sensor project from a {@link ProjectSpec}: a map from relative path to file content, so callers can
 * write it atomically (or not at all). Pure computation, no I/O.
 */
public final class ProjectGenerator {

	private ProjectGenerator() {
	}

	/**
	 * @throws IllegalArgumentException when the spec has errors (see {@link SpecValidator})
	 */
	public static Map<String, byte[]> generate(ProjectSpec spec) {
		List<Problem> problems = SpecValidator.validate(spec);
		problems.stream().filter(Problem::error).findFirst().ifPresent(p -> {
			throw new IllegalArgumentException(p.message());
		});
		Map<String, String> files = spec.runtime() == Runtime.MICROPYTHON ? MicroPythonProject.files(spec)
				: CircuitPythonProject.files(spec);
		files.put(".gitignore", "# holds Wi-Fi and broker passwords: never commit it\n" + spec.runtime().settingsFile() //$NON-NLS-1$ //$NON-NLS-2$
				+ "\n"); //$NON-NLS-1$
		files.put("README.md", readme(spec, files)); //$NON-NLS-1$
		Map<String, byte[]> result = new TreeMap<>();
		files.forEach((path, text) -> result.put(path, text.getBytes(StandardCharsets.UTF_8)));
		return result;
	}

	/** Placeholders both runtimes' templates use. */
	static Map<String, String> commonValues(ProjectSpec spec) {
		Map<String, String> values = new HashMap<>();
		values.put("PROJECT", spec.name().replace("\"", "'")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("BOARD_LABEL", spec.board().label()); //$NON-NLS-1$
		values.put("SENSOR_LABEL", spec.sensor().label()); //$NON-NLS-1$
		values.put("RUNTIME", spec.runtime().label()); //$NON-NLS-1$
		values.put("CLIENT_ID_PREFIX", spec.board().clientIdPrefix()); //$NON-NLS-1$
		values.put("EXAMPLE_TOPIC", exampleTopic(spec)); //$NON-NLS-1$
		values.put("WATCH_TOPIC", watchTopic(spec)); //$NON-NLS-1$
		values.put("AVAILABILITY_SUFFIX", spec.adafruitIo() ? "-availability" : "/availability"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("ERROR_SUFFIX", spec.adafruitIo() ? "-error" : "/error"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("HOST", spec.host()); //$NON-NLS-1$
		values.put("PORT", Integer.toString(spec.port())); //$NON-NLS-1$
		values.put("INTERVAL", Integer.toString(spec.intervalSeconds())); //$NON-NLS-1$
		return values;
	}

	/** The state topic with a made-up unique id, for comments and the README. */
	static String exampleTopic(ProjectSpec spec) {
		if (spec.adafruitIo()) {
			return spec.username() + "/feeds/" + spec.feed(); //$NON-NLS-1$
		}
		String id = spec.clientId() == null || spec.clientId().isEmpty()
				? spec.board().clientIdPrefix() + "_1a2b3c4d5e6f" //$NON-NLS-1$
				: spec.clientId();
		return spec.topicPrefix() + "/" + id; //$NON-NLS-1$
	}

	/**
	 * The {@code mosquitto_sub} line that works as written: the port when it is not 1883, the username with a
	 * placeholder for the password (a README is committed, the password is not), and with TLS the CA the board trusts
	 * ({@code ca.pem} for MicroPython, the system's roots for CircuitPython's built-in ones).
	 */
	static String watchCommand(ProjectSpec spec) {
		StringBuilder command = new StringBuilder("mosquitto_sub -h ").append(spec.host()); //$NON-NLS-1$
		if (spec.port() != 1883) {
			command.append(" -p ").append(spec.port()); //$NON-NLS-1$
		}
		if (spec.username() != null && !spec.username().isEmpty()) {
			command.append(" -u '").append(spec.username().replace("'", "'\\''")).append("' -P '<password>'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		if (spec.tls()) {
			command.append(spec.runtime() == Runtime.MICROPYTHON ? " --cafile ca.pem" : " --capath /etc/ssl/certs"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return command.append(" -v -t \"").append(watchTopic(spec)).append('"').toString(); //$NON-NLS-1$
	}

	private static String watchTopic(ProjectSpec spec) {
		return spec.effectiveTopicPrefix() + "/#"; //$NON-NLS-1$
	}

	private static String readme(ProjectSpec spec, Map<String, String> files) {
		Map<String, String> values = commonValues(spec);
		StringBuilder list = new StringBuilder();
		files.keySet().stream().sorted().forEach(f -> list.append("- `").append(f).append("`\n")); //$NON-NLS-1$ //$NON-NLS-2$
		values.put("FILES", list.toString().strip()); //$NON-NLS-1$
		boolean micropython = spec.runtime() == Runtime.MICROPYTHON;
		values.put("SETTINGS_FILE", spec.runtime().settingsFile()); //$NON-NLS-1$
		values.put("SETTINGS_EXAMPLE", micropython ? "config.example.json" : "settings.example.toml"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("UPLOAD", micropython //$NON-NLS-1$
				? "Right-click the project > Upload to Board (serial, raw REPL). The board needs umqtt.simple, declared in " //$NON-NLS-1$
						+ "`package.json`: Upload to Board installs it from micropython-lib first when the board lacks it " //$NON-NLS-1$
						+ "(ESP32 firmware and ESP8266 firmware for 2 MB or more of flash have it built in). Right-click the " //$NON-NLS-1$
						+ "project > Board Libraries shows what the board has and installs or updates it." //$NON-NLS-1$
				: "Right-click the project > Flash to CIRCUITPY: it first installs the libraries `requirements.txt` lists " //$NON-NLS-1$
						+ "(adafruit_minimqtt, adafruit_connection_manager, and the sensor driver) from the Adafruit " //$NON-NLS-1$
						+ "CircuitPython Bundle for the board's CircuitPython into `CIRCUITPY/lib`, then copies the code. " //$NON-NLS-1$
						+ "Right-click the project > Board Libraries shows what the board has and installs or updates it."); //$NON-NLS-1$
		values.put("TLS_TEXT", !spec.tls() ? "" //$NON-NLS-1$ //$NON-NLS-2$
				: micropython ? "\n\n## TLS\n\nThe board checks the broker's certificate against `ca.pem`: put the CA " //$NON-NLS-1$
						+ "certificate (PEM) that signed it into the project as `ca.pem`, and upload. TLS needs an ESP32 or " //$NON-NLS-1$
						+ "a Pico W (the ESP8266's TLS cannot check certificates) and umqtt.simple 1.4 or newer " //$NON-NLS-1$
						+ "(Upload to Board installs the newest when the board lacks it; Board Libraries > Update replaces an " //$NON-NLS-1$
						+ "older one). A Pico W before MicroPython 1.29 reads only DER: upload " //$NON-NLS-1$
						+ "`ca.der` instead (`openssl x509 -in ca.pem -outform der -out ca.der`)." //$NON-NLS-1$
						: "\n\n## TLS\n\nThe board checks the broker's certificate with its built-in root certificates. " //$NON-NLS-1$
								+ "For a broker with a CA of its own (a local Mosquitto, say), put that CA certificate " //$NON-NLS-1$
								+ "(PEM) into the project as `ca.pem`: it goes to CIRCUITPY with the code."); //$NON-NLS-1$
		values.put("WATCH_COMMAND", watchCommand(spec)); //$NON-NLS-1$
		values.put("WATCH_NOTE", spec.username() == null || spec.username().isEmpty() ? "" //$NON-NLS-1$ //$NON-NLS-2$
				: "\nReplace `<password>` with the broker password (" + (spec.adafruitIo() ? "your AIO key" : "it is in `" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ spec.runtime().settingsFile() + "`") + "); it is never written into this README.\n"); //$NON-NLS-1$ //$NON-NLS-2$
		values.put("HA_TEXT", spec.homeAssistant() //$NON-NLS-1$
				? "The board publishes retained MQTT discovery configs under `homeassistant/" //$NON-NLS-1$
						+ (spec.sensor() == Sensor.DIGITAL_ON_CHANGE ? "binary_sensor" : "sensor") //$NON-NLS-1$ //$NON-NLS-2$
						+ "/<client id>/<value>/config`: with the MQTT integration set up, the sensor appears by itself." //$NON-NLS-1$
				: "Discovery was not chosen in the wizard."); //$NON-NLS-1$
		return Template.render("readme.md", values); //$NON-NLS-1$
	}
}
