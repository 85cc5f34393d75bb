/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.board;

import java.time.Duration;
import java.util.List;

/**
 * What a sync did.
 *
 * @param uploaded       the files written, project-relative
 * @param skipped        how many files the board already had
 * @param deleted        the files and folders pruned
 * @param bytes          file bytes written
 * @param transferTime   the time spent writing files (listing and connecting not included)
 * @param totalTime      the whole sync, from entering the raw REPL to leaving it
 */
public record SyncReport(List<String> uploaded, int skipped, List<String> deleted, long bytes, Duration transferTime,
		Duration totalTime) {

	public SyncReport {
		uploaded = List.copyOf(uploaded);
		deleted = List.copyOf(deleted);
	}

	/** File bytes per second while writing files; 0 when nothing was written. */
	public double bytesPerSecond() {
		long nanos = transferTime.toNanos();
		return nanos == 0 || bytes == 0 ? 0 : bytes * 1e9 / nanos;
	}

	/**
	 * One line for the user, e.g. "3 uploaded, 12 unchanged, 1 deleted, 14.2 KB at 10.9 KB/s", or "nothing to upload,
	 * 15 files unchanged".
	 */
	public String summary() {
		if (uploaded.isEmpty()) {
			return String.format("nothing to upload, %d files unchanged", skipped) //$NON-NLS-1$
					+ (deleted.isEmpty() ? "" : String.format(", %d deleted", deleted.size())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return String.format("%d uploaded, %d unchanged, %d deleted, %.1f KB at %.1f KB/s", uploaded.size(), skipped, //$NON-NLS-1$
				deleted.size(), bytes / 1024.0, bytesPerSecond() / 1024.0);
	}
}
