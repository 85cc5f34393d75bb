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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomlj.Toml;

import io.mqttdevices.core.libraries.Requirement;

/** The files of a CircuitPython sensor project: code.py, settings.toml and the libraries to install. */
final class CircuitPythonProject {

	private static final String FOLDER = "circuitpython"; //$NON-NLS-1$

	private CircuitPythonProject() {
	}

	static Map<String, String> files(ProjectSpec spec) {
		Map<String, String> values = ProjectGenerator.commonValues(spec);
		values.put("SENSOR_CODE", SensorCode.sensor(FOLDER, spec)); //$NON-NLS-1$
		values.put("DISCOVERY_CODE", SensorCode.discovery(FOLDER, spec)); //$NON-NLS-1$
		values.put("PUBLISH_CODE", SensorCode.publish(FOLDER, spec)); //$NON-NLS-1$
		values.put("STATE_TOPIC", spec.adafruitIo() ? "USERNAME + \"/feeds/\" + setting(\"AIO_FEED\")" //$NON-NLS-1$
				: "setting(\"MQTT_TOPIC_PREFIX\", \"home\") + \"/\" + CLIENT_ID"); //$NON-NLS-1$
		values.put("COMMAND_SUFFIX", spec.adafruitIo() ? "-command" : "/command"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("DEFAULT_PIN", spec.sensor().usesPin() ? spec.pin() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		values.put("EXTRA_LIBS", isDht(spec) ? " adafruit_dht" : ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		Map<String, String> files = new LinkedHashMap<>();
		files.put("code.py", Template.render(FOLDER + "/code.py", values)); //$NON-NLS-1$ //$NON-NLS-2$
		files.put("settings.toml", settings(spec, true)); //$NON-NLS-1$
		files.put("settings.example.toml", settings(spec, false)); //$NON-NLS-1$
		files.put(Runtime.CIRCUITPYTHON.librariesFile(), LibrariesFile.requirementsTxt(libraries(spec)));
		return files;
	}

	/** The bundle modules code.py imports; the bundle's metadata brings their dependencies (adafruit_ticks). */
	static List<Requirement> libraries(ProjectSpec spec) {
		List<Requirement> libraries = new ArrayList<>();
		libraries.add(new Requirement("adafruit_minimqtt", null)); //$NON-NLS-1$
		libraries.add(new Requirement("adafruit_connection_manager", null)); //$NON-NLS-1$
		if (isDht(spec)) {
			libraries.add(new Requirement("adafruit_dht", null)); //$NON-NLS-1$
		}
		return libraries;
	}

	/** settings.toml: CircuitPython reads strings and integers from it, so flags are 0 or 1. */
	static String settings(ProjectSpec spec, boolean withSecrets) {
		StringBuilder toml = new StringBuilder();
		toml.append("# settings.toml: CircuitPython reads it at start; code.py gets each key with os.getenv().\n"); //$NON-NLS-1$
		string(toml, "CIRCUITPY_WIFI_SSID", spec.wifiSsid()); //$NON-NLS-1$
		string(toml, "CIRCUITPY_WIFI_PASSWORD", withSecrets ? spec.wifiPassword() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		string(toml, "MQTT_BROKER", spec.host()); //$NON-NLS-1$
		number(toml, "MQTT_PORT", spec.port()); //$NON-NLS-1$
		number(toml, "MQTT_TLS", spec.tls() ? 1 : 0); //$NON-NLS-1$
		string(toml, "MQTT_USERNAME", spec.username()); //$NON-NLS-1$
		string(toml, "MQTT_PASSWORD", withSecrets ? spec.password() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		string(toml, "MQTT_CLIENT_ID", spec.clientId()); //$NON-NLS-1$
		if (spec.adafruitIo()) {
			string(toml, "AIO_FEED", spec.feed()); //$NON-NLS-1$
		} else {
			string(toml, "MQTT_TOPIC_PREFIX", spec.topicPrefix()); //$NON-NLS-1$
		}
		number(toml, "PUBLISH_INTERVAL", spec.intervalSeconds()); //$NON-NLS-1$
		if (spec.sensor().usesPin()) {
			string(toml, "SENSOR_PIN", spec.pin()); //$NON-NLS-1$
		}
		return toml.toString();
	}

	private static void string(StringBuilder toml, String key, String value) {
		toml.append(key).append(" = \"").append(Toml.tomlEscape(value == null ? "" : value)).append("\"\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static void number(StringBuilder toml, String key, int value) {
		toml.append(key).append(" = ").append(value).append('\n'); //$NON-NLS-1$
	}

	private static boolean isDht(ProjectSpec spec) {
		return spec.sensor() == Sensor.DHT11 || spec.sensor() == Sensor.DHT22;
	}
}
