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

import java.util.List;

/** What the generated device measures and publishes. */
public enum Sensor {

	ANALOG("Analog pin reading", true, List.of("value")), //$NON-NLS-1$ //$NON-NLS-2$
	DIGITAL_ON_CHANGE("Digital input, published on change", true, List.of("state")), //$NON-NLS-1$ //$NON-NLS-2$
	DHT11("DHT11 temperature and humidity", true, List.of("temperature", "humidity")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	DHT22("DHT22 temperature and humidity", true, List.of("temperature", "humidity")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	INTERNAL_TEMPERATURE("Board's internal temperature", false, List.of("temperature")); //$NON-NLS-1$ //$NON-NLS-2$

	private final String label;
	private final boolean usesPin;
	private final List<String> fields;

	Sensor(String label, boolean usesPin, List<String> fields) {
		this.label = label;
		this.usesPin = usesPin;
		this.fields = fields;
	}

	public String label() {
		return label;
	}

	public boolean usesPin() {
		return usesPin;
	}

	/** The values one reading holds; one field is published as a plain value, several as a JSON object. */
	public List<String> fields() {
		return fields;
	}

	/** The module name of the snippet that reads it ({@code templates/<runtime>/sensor_<name>.py}). */
	String snippet() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
