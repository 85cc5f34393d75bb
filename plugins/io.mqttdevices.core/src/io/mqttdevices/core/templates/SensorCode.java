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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Python pieces that differ by sensor, board and topic scheme, shared by both runtimes' generators. */
final class SensorCode {

	private SensorCode() {
	}

	/** The sensor snippet of {@code folder} ("micropython" or "circuitpython"), board-specific when one exists. */
	static String sensor(String folder, ProjectSpec spec) {
		String base = spec.sensor() == Sensor.DHT11 || spec.sensor() == Sensor.DHT22 ? "dht" : spec.sensor().snippet(); //$NON-NLS-1$
		String boardSpecific = folder + "/sensor_" + base + "_" + spec.board().name().toLowerCase(java.util.Locale.ROOT) //$NON-NLS-1$ //$NON-NLS-2$
				+ ".py"; //$NON-NLS-1$
		String path = Template.exists(boardSpecific) ? boardSpecific : folder + "/sensor_" + base + ".py"; //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, String> values = new HashMap<>();
		values.put("DHT_CLASS", spec.sensor() == Sensor.DHT11 ? "DHT11" : "DHT22"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("ADC_CONSTRUCTOR", adcConstructor(spec.board())); //$NON-NLS-1$
		values.put("ADC_READ", spec.board() == Board.ESP8266 ? "read" : "read_u16"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return Template.render(path, values).strip();
	}

	/** How the reading leaves the board: a plain value, a JSON object, or one Adafruit IO feed per value. */
	static String publish(String folder, ProjectSpec spec) {
		String kind;
		if (spec.sensor().fields().size() == 1) {
			kind = "plain"; //$NON-NLS-1$
		} else {
			kind = spec.adafruitIo() ? "feeds" : "json"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return Template.load(folder + "/publish_" + kind + ".py").strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Home Assistant discovery, or the no-op stand-in. */
	static String discovery(String folder, ProjectSpec spec) {
		if (!spec.homeAssistant()) {
			return Template.load(folder + "/no_discovery.py").strip(); //$NON-NLS-1$
		}
		Map<String, String> values = new HashMap<>();
		values.put("HA_FIELDS", haFields(spec.sensor())); //$NON-NLS-1$
		values.put("PROJECT", spec.name().replace("\"", "'")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		values.put("BOARD_LABEL", spec.board().label()); //$NON-NLS-1$
		return Template.render(folder + "/discovery.py", values).strip(); //$NON-NLS-1$
	}

	/** (component, field, unit, device class, value template) for each value the sensor publishes. */
	static String haFields(Sensor sensor) {
		List<String> rows = new ArrayList<>();
		boolean single = sensor.fields().size() == 1;
		for (String field : sensor.fields()) {
			String template = single ? "{{ value }}" : "{{ value_json." + field + " }}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			String component = sensor == Sensor.DIGITAL_ON_CHANGE ? "binary_sensor" : "sensor"; //$NON-NLS-1$ //$NON-NLS-2$
			String unit = switch (field) {
			case "temperature" -> "°C"; //$NON-NLS-1$ //$NON-NLS-2$
			case "humidity" -> "%"; //$NON-NLS-1$ //$NON-NLS-2$
			default -> null;
			};
			String deviceClass = unit == null ? null : field;
			rows.add(PythonLiterals.of(Arrays.asList(component, field, unit, deviceClass, template)));
		}
		return "[\n    " + String.join(",\n    ", rows) + ",\n]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String adcConstructor(Board board) {
		return switch (board) {
		case ESP8266 -> "machine.ADC(0)  # the ESP8266 has one analog input, A0"; //$NON-NLS-1$
		case PICO_W -> "machine.ADC(CONFIG[\"sensor_pin\"])  # GPIO 26, 27 or 28"; //$NON-NLS-1$
		default -> "machine.ADC(machine.Pin(CONFIG[\"sensor_pin\"]))"; //$NON-NLS-1$
		};
	}
}
