/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.BoardFiles;
import io.mqttdevices.core.board.ExecResult;
import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * Uploads to a board with an ESP8266's memory (the simulator's {@code esp8266} profile: about 30 KB of heap free
 * after boot): the commands fit without being told, and shrink when the memory runs short.
 */
class SmallBoardUploadTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);
	private static final int KB = 1024;

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create().profile(SimulatedBoard.ESP8266);

	@Test
	void sixtyFourKilobyteFilesUploadWithTheDefaultSettings() throws Exception {
		Map<String, byte[]> project = new TreeMap<>();
		project.put("data.bin", FileSyncTest.randomBytes(16, 64 * KB));
		project.put("lib/big.py", pythonText(64 * KB));
		SyncReport report;
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			report = new FileSync(new RawRepl(port, TIMEOUT), SyncOptions.defaults()).sync(project,
					new NullProgressMonitor());
		}
		assertEquals(List.of("data.bin", "lib/big.py"), report.uploaded(), report.toString());
		FileSyncTest.assertFlashHas(board.flashDir(), project);
		assertEquals(List.of(), FileSyncTest.temporaryFiles(board.flashDir()));
	}

	@Test
	void aBoardWhoseMemoryRunsShortHalfWayFinishesWithSmallerCommands() throws Exception {
		board.unplug();
		board.unthrottled().replug();
		Map<String, byte[]> project = Map.of("data.bin", FileSyncTest.randomBytes(17, 64 * KB));
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			RawRepl repl = new RawRepl(port, TIMEOUT);
			int[] ticks = { 0 };
			String[] hog = { null };
			NullProgressMonitor monitor = new NullProgressMonitor() {
				@Override
				public void worked(int work) {
					ticks[0] += work; // of 100, 90 for the transfer
					if (ticks[0] >= 50 && hog[0] == null) {
						// the board's own program takes all but 8 KB of the heap, between two commands
						hog[0] = exec(repl, "import gc\ngc.collect()\n_hog = []\nwhile gc.mem_free() > 8192:\n" //$NON-NLS-1$
								+ " _hog.append(bytearray(256))\ngc.collect()\nprint(gc.mem_free())\n"); //$NON-NLS-1$
					}
				}
			};
			new FileSync(repl, SyncOptions.defaults()).sync(project, monitor);
			assertTrue(hog[0] != null && Integer.parseInt(hog[0].strip()) < 9 * KB, "free after the hog: " + hog[0]);
		}
		FileSyncTest.assertFlashHas(board.flashDir(), project);
		assertEquals(List.of(), FileSyncTest.temporaryFiles(board.flashDir()));

		// the next session on this port starts with the size that fitted, even after a restart
		board.unplug();
		board.replug();
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			RawRepl repl = new RawRepl(port, TIMEOUT);
			repl.enter();
			BoardFiles files = BoardFiles.open(repl, SyncOptions.DEFAULT_CHUNK_SIZE, true);
			assertTrue(files.chunkSize() <= 2 * KB, "chunk size " + files.chunkSize());
			assertFalse(files.chunkSize() < BoardFiles.MIN_CHUNK_SIZE);
			repl.exit();
		}
	}

	@Test
	void aSecondSyncOfFiftyFilesFindsThemAllUnchanged() throws Exception {
		Map<String, byte[]> project = new TreeMap<>();
		for (int i = 0; i < 50; i++) {
			project.put((i < 20 ? "lib/" : "") + "module" + i + ".py", pythonText(500 + 61 * i)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		SyncReport second;
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			new FileSync(new RawRepl(port, TIMEOUT), SyncOptions.defaults()).sync(project, new NullProgressMonitor());
			// the board hashes all 50 to compare: more than its heap holds in one command
			second = new FileSync(new RawRepl(port, TIMEOUT), SyncOptions.defaults()).sync(project,
					new NullProgressMonitor());
		}
		assertEquals(List.of(), second.uploaded());
		assertEquals(50, second.skipped());
	}

	private static String exec(RawRepl repl, String code) {
		try {
			ExecResult result = repl.exec(code);
			assertEquals("", result.error()); //$NON-NLS-1$
			return result.output();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Python-like text that compresses as code does (about 2.3 to 1). */
	static byte[] pythonText(int size) {
		StringBuilder text = new StringBuilder();
		java.util.Random random = new java.util.Random(size);
		while (text.length() < size) {
			int n = random.nextInt(1000);
			text.append("def handler_").append(n).append("(client, topic, msg):\n") //$NON-NLS-1$ //$NON-NLS-2$
					.append("    value = int(msg) * ").append(random.nextInt(100)).append(" + ").append(n) //$NON-NLS-1$ //$NON-NLS-2$
					.append("\n    client.publish(b\"home/sensor/").append(random.nextInt(50)) //$NON-NLS-1$
					.append("\", str(value))\n\n"); //$NON-NLS-1$
		}
		return FileSyncTest.bytes(text.substring(0, size));
	}
}
