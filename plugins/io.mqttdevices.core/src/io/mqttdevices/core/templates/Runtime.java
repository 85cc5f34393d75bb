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

/** The Python that runs on the board, and how its project is shaped. */
public enum Runtime {

	/** umqtt.simple, settings in {@code config.json}, uploaded over serial. */
	MICROPYTHON("MicroPython", "config.json", "package.json"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** adafruit_minimqtt, settings in {@code settings.toml}, copied to the CIRCUITPY drive. */
	CIRCUITPYTHON("CircuitPython", "settings.toml", "requirements.txt"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final String label;
	private final String settingsFile;
	private final String librariesFile;

	Runtime(String label, String settingsFile, String librariesFile) {
		this.label = label;
		this.settingsFile = settingsFile;
		this.librariesFile = librariesFile;
	}

	public String label() {
		return label;
	}

	/** The file that holds the device's settings, secrets included. */
	public String settingsFile() {
		return settingsFile;
	}

	/**
	 * The file that declares the libraries the board needs: mip's {@code package.json} ("deps") for MicroPython,
	 * circup's {@code requirements.txt} for CircuitPython.
	 */
	public String librariesFile() {
		return librariesFile;
	}
}
