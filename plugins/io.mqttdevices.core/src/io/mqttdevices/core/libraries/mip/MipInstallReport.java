/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an install did.
 *
 * @param flavour the index folder the files came from: the board's {@code .mpy} version or {@code py}
 * @param installed the declared libraries written to the board (with their dependencies), in order
 * @param unchanged the declared libraries the board already had, every file with the same hash
 * @param failed the declared libraries not installed, each with one sentence saying why; none of their files was
 *            moved into place (a dependency another library installed may be)
 * @param uploaded board paths of the files written, relative to the flash root
 * @param skipped how many files the board already had
 * @param bytes file bytes written
 * @param time the whole install, from entering the raw REPL to leaving it
 */
public record MipInstallReport(String flavour, List<String> installed, List<String> unchanged,
		Map<String, String> failed, List<String> uploaded, int skipped, long bytes, Duration time) {

	public MipInstallReport {
		installed = List.copyOf(installed);
		unchanged = List.copyOf(unchanged);
		failed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failed));
		uploaded = List.copyOf(uploaded);
	}

	/** Nothing failed. */
	public boolean ok() {
		return failed.isEmpty();
	}

	/**
	 * One line for the user, e.g. "2 installed (5 files, 12.3 KB), 1 already on the board, 1 failed", or "all 3
	 * libraries already on the board".
	 */
	public String summary() {
		if (installed.isEmpty() && failed.isEmpty()) {
			return String.format("all %d libraries already on the board", unchanged.size()); //$NON-NLS-1$
		}
		return String.format("%d installed (%d files, %.1f KB), %d already on the board, %d failed", //$NON-NLS-1$
				installed.size(), uploaded.size(), bytes / 1024.0, unchanged.size(), failed.size());
	}
}
