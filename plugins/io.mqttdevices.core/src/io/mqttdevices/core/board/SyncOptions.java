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

import java.util.List;

/**
 * How a project is synced to a board.
 *
 * @param prune     delete board files the project does not have (opt-in)
 * @param keep      globs of board paths pruning never deletes, e.g. {@code lib/**}
 * @param compress  deflate chunks when the board has MicroPython's {@code deflate} module
 * @param chunkSize bytes of code per raw REPL command
 */
public record SyncOptions(boolean prune, List<String> keep, boolean compress, int chunkSize) {

	/** Board files pruning keeps unless told otherwise: installed libraries and what the firmware writes. */
	public static final List<String> DEFAULT_KEEP = List.of("lib/**", "boot_out.txt", "sd/**"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * Large enough that the per-command round trip costs little (about 5% at 115200 baud), small enough for the
	 * heap of an ESP32 or a Pico W, which holds one command's code while it runs it. An ESP8266 with a big program
	 * loaded may need less: the project setting {@code upload.chunkSize}.
	 */
	public static final int DEFAULT_CHUNK_SIZE = 8192;

	public SyncOptions {
		keep = List.copyOf(keep);
		if (chunkSize < 256) {
			throw new IllegalArgumentException("chunk size below 256 bytes: " + chunkSize); //$NON-NLS-1$
		}
	}

	/** No pruning, compression where possible, the default chunk size. */
	public static SyncOptions defaults() {
		return new SyncOptions(false, DEFAULT_KEEP, true, DEFAULT_CHUNK_SIZE);
	}

	public SyncOptions withPrune(boolean on) {
		return new SyncOptions(on, keep, compress, chunkSize);
	}

	public SyncOptions withKeep(List<String> globs) {
		return new SyncOptions(prune, globs, compress, chunkSize);
	}

	public SyncOptions withCompress(boolean on) {
		return new SyncOptions(prune, keep, on, chunkSize);
	}

	public SyncOptions withChunkSize(int bytes) {
		return new SyncOptions(prune, keep, compress, bytes);
	}
}
