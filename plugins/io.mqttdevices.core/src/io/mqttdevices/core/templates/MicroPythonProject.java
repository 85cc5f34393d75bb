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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import io.mqttdevices.core.libraries.Requirement;

/** The files of a MicroPython sensor project: boot.py, wlan.py, main.py and config.json. */
final class MicroPythonProject {

	private static final String FOLDER = "micropython"; //$NON-NLS-1$

	private MicroPythonProject() {
	}

	static Map<String, String> files(ProjectSpec spec) {
		Map<String, String> values = ProjectGenerator.commonValues(spec);
		values.put("CONFIG_DEFAULTS", PythonLiterals.dict(config(spec, false))); //$NON-NLS-1$
		values.put("SENSOR_CODE", SensorCode.sensor(FOLDER, spec)); //$NON-NLS-1$
		values.put("DISCOVERY_CODE", SensorCode.discovery(FOLDER, spec)); //$NON-NLS-1$
		values.put("PUBLISH_CODE", SensorCode.publish(FOLDER, spec)); //$NON-NLS-1$
		values.put("STATE_TOPIC", spec.adafruitIo() ? "CONFIG[\"topic\"].encode()" //$NON-NLS-1$ //$NON-NLS-2$
				: "CONFIG[\"topic\"].encode() + b\"/\" + cid"); //$NON-NLS-1$

		Map<String, String> files = new LinkedHashMap<>();
		files.put("boot.py", Template.load(FOLDER + "/boot.py")); //$NON-NLS-1$ //$NON-NLS-2$
		files.put("wlan.py", Template.load(FOLDER + "/wlan.py")); //$NON-NLS-1$ //$NON-NLS-2$
		files.put("main.py", Template.render(FOLDER + "/main.py", values)); //$NON-NLS-1$ //$NON-NLS-2$
		files.put("config.json", json(config(spec, true))); //$NON-NLS-1$
		files.put("config.example.json", json(config(spec, false))); //$NON-NLS-1$
		// declared even where the firmware has it frozen in (ESP32, larger ESP8266 builds): Upload then finds it there
		files.put(Runtime.MICROPYTHON.librariesFile(), LibrariesFile.packageJson(List.of(new Requirement("umqtt.simple", null)))); //$NON-NLS-1$
		return files;
	}

	/**
	 * The settings main.py reads. Without secrets: main.py's defaults and the committed example; with them: the
	 * board's config.json.
	 */
	static Map<String, Object> config(ProjectSpec spec, boolean withSecrets) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("wifi_ssid", spec.wifiSsid()); //$NON-NLS-1$
		config.put("wifi_password", withSecrets ? spec.wifiPassword() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		config.put("broker", spec.host()); //$NON-NLS-1$
		config.put("port", spec.port()); //$NON-NLS-1$
		config.put("ssl", spec.tls()); //$NON-NLS-1$
		config.put("user", spec.username() == null ? "" : spec.username()); //$NON-NLS-1$ //$NON-NLS-2$
		config.put("password", withSecrets ? spec.password() : ""); //$NON-NLS-1$ //$NON-NLS-2$
		config.put("client_id", spec.clientId() == null ? "" : spec.clientId()); //$NON-NLS-1$ //$NON-NLS-2$
		config.put("topic", spec.adafruitIo() ? spec.username() + "/feeds/" + spec.feed() : spec.topicPrefix()); //$NON-NLS-1$ //$NON-NLS-2$
		config.put("interval", spec.intervalSeconds()); //$NON-NLS-1$
		if (spec.sensor().usesPin()) {
			config.put("sensor_pin", Integer.parseInt(spec.pin().trim())); //$NON-NLS-1$
		}
		return config;
	}

	private static String json(Map<String, Object> config) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config) + "\n"; //$NON-NLS-1$
	}
}
