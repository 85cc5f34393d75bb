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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * The board dies at random points of an upload: afterwards every file holds its old or its new content, byte for
 * byte, never a truncated mix; the next sync completes and leaves no temporary file.
 */
class UploadKillTest {

	private static final int TRIALS = 20;
	private static final String[] NAMES = { "main.py", "boot.py", "lib/sensor.py", "lib/net/mqtt.py", "data.bin",
			"config.json" };

	@RegisterExtension
	final SimulatedBoard board = newBoard();

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopExecutor() {
		executor.shutdownNow();
	}

	@Test
	void killedUploadsLeaveOldOrNewFilesNeverTruncatedOnes() throws Exception {
		Random random = new Random(20261123);
		// the first sync, never killed, also tells how long a sync of a whole version takes
		long start = System.nanoTime();
		assertEquals(NAMES.length, sync(version(random)).uploaded().size());
		long fullSyncMillis = Math.max(50, (System.nanoTime() - start) / 1_000_000);

		int interrupted = 0;
		int mixed = 0;
		for (int trial = 0; trial < TRIALS; trial++) {
			Map<String, byte[]> before = flash();
			Map<String, byte[]> next = version(random);
			Future<SyncReport> upload = executor.submit(() -> sync(next));
			// one kill at a random point of each twentieth of a sync: every part of it is hit, not only where
			// random draws happen to cluster
			Thread.sleep((long) ((trial + random.nextDouble()) * fullSyncMillis / TRIALS));
			board.unplug();
			try {
				upload.get(30, TimeUnit.SECONDS);
			} catch (ExecutionException e) {
				assertTrue(e.getCause() instanceof IOException, "a clear I/O error, not " + e.getCause());
				interrupted++;
			}
			int newFiles = 0;
			for (String name : NAMES) {
				byte[] now = Files.readAllBytes(board.flashDir().resolve(name));
				boolean isOld = Arrays.equals(now, before.get(name));
				boolean isNew = Arrays.equals(now, next.get(name));
				if (!isOld && !isNew) {
					fail("trial " + trial + ": " + name + " is neither old nor new (" + now.length + " bytes; old "
							+ before.get(name).length + ", new " + next.get(name).length + ")");
				}
				newFiles += isNew && !isOld ? 1 : 0;
			}
			if (newFiles > 0 && newFiles < NAMES.length) {
				mixed++;
			}
			board.replug();
		}
		assertTrue(interrupted >= TRIALS / 4, "only " + interrupted + " of " + TRIALS + " kills hit an upload");
		assertTrue(mixed > 0, "no kill landed between two files");

		Map<String, byte[]> last = version(random);
		sync(last);
		FileSyncTest.assertFlashHas(board.flashDir(), last);
		assertEquals(List.of(), FileSyncTest.temporaryFiles(board.flashDir()),
				"the next sync removes what killed uploads left");
	}

	private SyncReport sync(Map<String, byte[]> files) throws IOException {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return new FileSync(new RawRepl(port, Duration.ofSeconds(3)), options()).sync(files,
					new NullProgressMonitor());
		}
	}

	/** The board the kills hit; called while the test instance is made. */
	SimulatedBoard newBoard() {
		return SimulatedBoard.create();
	}

	SyncOptions options() {
		return SyncOptions.defaults().withChunkSize(2048);
	}

	/** New content for every file, each with a new size, so a truncated or mixed file cannot pass for either. */
	private static Map<String, byte[]> version(Random random) {
		Map<String, byte[]> files = new TreeMap<>();
		for (String name : NAMES) {
			int size = 3000 + random.nextInt(12_000);
			byte[] content = new byte[size];
			if (name.endsWith(".bin")) {
				random.nextBytes(content);
			} else {
				for (int i = 0; i < size; i++) {
					content[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + random.nextInt(26));
				}
			}
			files.put(name, content);
		}
		return files;
	}

	private Map<String, byte[]> flash() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		for (String name : NAMES) {
			Path path = board.flashDir().resolve(name);
			files.put(name, Files.readAllBytes(path));
		}
		return files;
	}
}
