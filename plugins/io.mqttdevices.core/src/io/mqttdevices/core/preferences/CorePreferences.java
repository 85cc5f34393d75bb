/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.core.runtime.Platform;

/**
 * Keys and typed access to the core preferences (node {@value #NODE}). The UI edits the same node through a
 * preference store; core code reads through here so defaults and overrides resolve the platform's way.
 */
public final class CorePreferences {

	/** Preference node: the core bundle's symbolic name. */
	public static final String NODE = "io.mqttdevices.core"; //$NON-NLS-1$

	/** Baud rate used when a serial connection names none. */
	public static final String SERIAL_BAUD_RATE = "serial.baudRate"; //$NON-NLS-1$

	/** Absolute path of the CIRCUITPY drive; empty means "find it by its label". */
	public static final String CIRCUITPY_DRIVE_PATH = "circuitpy.drivePath"; //$NON-NLS-1$

	/**
	 * Releases folder of the Adafruit CircuitPython Bundle: GitHub's, a mirror of its layout or a {@code file:}
	 * folder (see {@code io.mqttdevices.core.libraries.bundle.BundleSource}).
	 */
	public static final String ADAFRUIT_BUNDLE_URL = "circuitpy.bundle.adafruit.url"; //$NON-NLS-1$

	/** Releases folder of the CircuitPython Community Bundle, looked in for names Adafruit's bundle lacks. */
	public static final String COMMUNITY_BUNDLE_URL = "circuitpy.bundle.community.url"; //$NON-NLS-1$

	/**
	 * Base URL of the MicroPython package index (micropython-lib's layout version 2), {@code http:}, {@code https:}
	 * or a {@code file:} folder; a mirror works as well as the official one.
	 */
	public static final String MICROPYTHON_INDEX = "libraries.micropythonIndex"; //$NON-NLS-1$

	/** Upload to Board and Flash to CIRCUITPY first install the project's declared libraries the board lacks. */
	public static final String INSTALL_LIBRARIES_BEFORE_UPLOAD = "libraries.installBeforeUpload"; //$NON-NLS-1$

	/**
	 * MicroPython libraries go on the board compiled ({@code .mpy} for its bytecode version, as {@code mip} does by
	 * default); false: as {@code .py} sources.
	 */
	public static final String MICROPYTHON_COMPILED = "libraries.micropythonCompiled"; //$NON-NLS-1$

	/** micropython-lib's index, the one {@code mip} uses by default. */
	public static final String DEFAULT_MICROPYTHON_INDEX = "https://micropython.org/pi/v2"; //$NON-NLS-1$

	public static final int DEFAULT_BAUD_RATE = 115200;

	public static final String DEFAULT_ADAFRUIT_BUNDLE_URL = "https://github.com/adafruit/Adafruit_CircuitPython_Bundle/releases"; //$NON-NLS-1$
	public static final String DEFAULT_COMMUNITY_BUNDLE_URL = "https://github.com/adafruit/CircuitPython_Community_Bundle/releases"; //$NON-NLS-1$

	private CorePreferences() {
	}

	public static int baudRate() {
		return service().getInt(NODE, SERIAL_BAUD_RATE, DEFAULT_BAUD_RATE, null);
	}

	public static String circuitPyDrivePath() {
		return service().getString(NODE, CIRCUITPY_DRIVE_PATH, "", null); //$NON-NLS-1$
	}

	public static String adafruitBundleUrl() {
		return orDefault(service().getString(NODE, ADAFRUIT_BUNDLE_URL, DEFAULT_ADAFRUIT_BUNDLE_URL, null),
				DEFAULT_ADAFRUIT_BUNDLE_URL);
	}

	public static String communityBundleUrl() {
		return orDefault(service().getString(NODE, COMMUNITY_BUNDLE_URL, DEFAULT_COMMUNITY_BUNDLE_URL, null),
				DEFAULT_COMMUNITY_BUNDLE_URL);
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	/** The MicroPython package index's base URL; the official one when the preference is empty. */
	public static String micropythonIndex() {
		return orDefault(service().getString(NODE, MICROPYTHON_INDEX, DEFAULT_MICROPYTHON_INDEX, null),
				DEFAULT_MICROPYTHON_INDEX);
	}

	public static boolean installLibrariesBeforeUpload() {
		return service().getBoolean(NODE, INSTALL_LIBRARIES_BEFORE_UPLOAD, true, null);
	}

	public static boolean micropythonCompiled() {
		return service().getBoolean(NODE, MICROPYTHON_COMPILED, true, null);
	}

	static void initializeDefaults(IEclipsePreferences defaults) {
		defaults.putInt(SERIAL_BAUD_RATE, DEFAULT_BAUD_RATE);
		defaults.put(CIRCUITPY_DRIVE_PATH, ""); //$NON-NLS-1$
		defaults.put(ADAFRUIT_BUNDLE_URL, DEFAULT_ADAFRUIT_BUNDLE_URL);
		defaults.put(COMMUNITY_BUNDLE_URL, DEFAULT_COMMUNITY_BUNDLE_URL);
		defaults.put(MICROPYTHON_INDEX, DEFAULT_MICROPYTHON_INDEX);
		defaults.putBoolean(INSTALL_LIBRARIES_BEFORE_UPLOAD, true);
		defaults.putBoolean(MICROPYTHON_COMPILED, true);
	}

	private static IPreferencesService service() {
		return Platform.getPreferencesService();
	}
}
