/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an install from the bundles did.
 *
 * @param board the board's CircuitPython, from boot_out.txt
 * @param releases the bundle releases used, e.g. "Adafruit CircuitPython Bundle 20241128"
 * @param installed modules copied to {@code lib} (new or changed), dependencies first
 * @param unchanged modules the board already had as the bundle has them
 * @param failed modules not installed, each with one sentence saying why; what was there before is left as it was
 * @param removed files deleted because they would shadow an installed module (an old {@code .py} beside a new
 *            {@code .mpy}, a file the new version of a package no longer has)
 * @param bytes bytes written
 */
public record BundleInstallResult(BootOut board, List<String> releases, List<String> installed,
		List<String> unchanged, Map<String, String> failed, List<String> removed, long bytes) {

	public BundleInstallResult {
		releases = List.copyOf(releases);
		installed = List.copyOf(installed);
		unchanged = List.copyOf(unchanged);
		failed = Map.copyOf(failed);
		removed = List.copyOf(removed);
	}

	/** Whether every module is on the board. */
	public boolean ok() {
		return failed.isEmpty();
	}

	/**
	 * One line for the user, e.g. "Installed adafruit_ticks, adafruit_minimqtt (41.2 KB); 1 unchanged; not
	 * installed: adafruit_dht (...)".
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (!installed.isEmpty()) {
			parts.add(String.format("Installed %s (%.1f KB)", String.join(", ", installed), bytes / 1024.0)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!unchanged.isEmpty()) {
			parts.add(unchanged.size() + " already up to date"); //$NON-NLS-1$
		}
		if (!failed.isEmpty()) {
			List<String> why = new ArrayList<>();
			failed.entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(e -> why.add(e.getKey() + ": " + e.getValue())); //$NON-NLS-1$
			parts.add("not installed: " + String.join(" ", why)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return parts.isEmpty() ? "No libraries to install." : String.join("; ", parts); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
