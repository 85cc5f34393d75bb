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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.BoardFiles;
import io.mqttdevices.core.board.DeviceEntry;
import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** File sync to real MicroPython (the simulated board), checked byte for byte in the board's flash mirror. */
class FileSyncTest {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@Test
	void uploadsTextBinaryAndFoldersByteForByte() throws Exception {
		Map<String, byte[]> project = sampleProject(1);
		SyncReport report = sync(project, SyncOptions.defaults());
		assertEquals(project.size(), report.uploaded().size(), report.toString());
		assertEquals(0, report.skipped());
		assertFlashHas(project);
		assertNoTemporaryFiles();
	}

	@Test
	void aSecondSyncOfAnUnchangedProjectUploadsNothingAndAChangeUploadsOneFile() throws Exception {
		Map<String, byte[]> project = sampleProject(2);
		sync(project, SyncOptions.defaults());
		SyncReport again = sync(project, SyncOptions.defaults());
		assertEquals(List.of(), again.uploaded());
		assertEquals(project.size(), again.skipped());
		assertEquals(0, again.bytes());
		assertEquals("nothing to upload, " + project.size() + " files unchanged", again.summary());

		// same size, different content: the hash, not the size, decides
		byte[] main = project.get("main.py").clone();
		main[3] ^= 1;
		project.put("main.py", main);
		SyncReport changed = sync(project, SyncOptions.defaults());
		assertEquals(List.of("main.py"), changed.uploaded());
		assertFlashHas(project);
	}

	@Test
	void everyByteValueSurvivesWithAndWithoutCompression() throws Exception {
		byte[] all = new byte[256 * 40];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) (i % 256);
		}
		byte[] quotes = "'''\"\"\"\\'\\\r\n\r'\"".repeat(300).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, byte[]> project = new TreeMap<>(Map.of("all.bin", all, "quotes.txt", quotes, "empty.txt",
				new byte[0]));
		sync(project, SyncOptions.defaults().withCompress(false).withChunkSize(1024));
		assertFlashHas(project);
		project.put("all.bin", reversed(all));
		project.put("quotes.txt", reversed(quotes));
		SyncReport report = sync(project, SyncOptions.defaults());
		assertEquals(List.of("all.bin", "quotes.txt"), report.uploaded());
		assertFlashHas(project);
	}

	@Test
	void pruneDeletesWhatTheProjectLacksButKeepsTheKeepList() throws Exception {
		Map<String, byte[]> project = new TreeMap<>(Map.of("main.py", bytes("print('hi')\n"), "lib/mylib.py",
				bytes("X = 1\n"), "old/stale.py", bytes("gone\n"), "stale.txt", bytes("gone\n")));
		sync(project, SyncOptions.defaults());
		board.unplug(); // the flash mirror is loaded at boot: a library installed by other means
		Files.writeString(board.flashDir().resolve("lib/installed.py"), "kept\n");
		board.replug();
		project.remove("old/stale.py");
		project.remove("stale.txt");

		SyncReport without = sync(project, SyncOptions.defaults());
		assertEquals(List.of(), without.deleted(), "pruning is opt-in");
		assertTrue(Files.exists(board.flashDir().resolve("stale.txt")));

		SyncReport pruned = sync(project, SyncOptions.defaults().withPrune(true));
		assertEquals(List.of("old/stale.py", "stale.txt", "old/"), pruned.deleted());
		assertFalse(Files.exists(board.flashDir().resolve("old")));
		assertEquals("kept\n", Files.readString(board.flashDir().resolve("lib/installed.py")));
		assertFlashHas(project);
	}

	@Test
	void listsTheBoardsFilesWithHashesOfTheWantedOnes() throws Exception {
		Map<String, byte[]> project = sampleProject(3);
		sync(project, SyncOptions.defaults());
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			RawRepl repl = new RawRepl(port, TIMEOUT);
			repl.enter();
			BoardFiles files = BoardFiles.open(repl, 4096, true);
			assertEquals('s', files.hashKind(), "the WebAssembly MicroPython has hashlib.sha256");
			assertTrue(files.canInflate(), "the WebAssembly MicroPython has the deflate module");
			List<DeviceEntry> entries = files.list(Map.of("main.py", (long) project.get("main.py").length));
			repl.exit();
			DeviceEntry main = entries.stream().filter(e -> e.path().equals("main.py")).findFirst().orElseThrow();
			assertEquals(files.hash(project.get("main.py")), main.hash());
			assertTrue(entries.stream().anyMatch(e -> e.folder() && e.path().equals("lib/sub")), entries.toString());
			assertTrue(entries.stream().filter(e -> !e.folder()).allMatch(e -> project.containsKey(e.path())));
			assertEquals(project.size(), entries.stream().filter(e -> !e.folder()).count());
		}
	}

	@Test
	void aBoardWithoutRawPasteStillGetsCorrectFiles() throws Exception {
		board.unplug();
		SimulatedBoard old = SimulatedBoard.create().withoutRawPaste();
		try {
			old.beforeEach(null);
			Map<String, byte[]> project = sampleProject(4);
			try (SerialConnection port = SerialPorts.open(old.path(), 115200)) {
				RawRepl repl = new RawRepl(port, TIMEOUT);
				new FileSync(repl, SyncOptions.defaults()).sync(project, new NullProgressMonitor());
				assertEquals(Boolean.FALSE, repl.usesRawPaste());
			}
			assertFlashHas(old.flashDir(), project);
		} finally {
			old.afterEach(null);
		}
	}

	/** The Progress view once showed "0 of 64 KB" at 45%: within one big file the bytes shown move with the bar. */
	@Test
	void theBytesShownMoveWithTheBar() throws Exception {
		Map<String, byte[]> project = new TreeMap<>(Map.of("big.bin", randomBytes(7, 24_000)));
		List<double[]> shown = new ArrayList<>(); // {bar in percent, bytes shown in percent of the total}
		Pattern bytes = Pattern.compile("big.bin \\(file 1 of 1, ([\\d.,]+) of ([\\d.,]+) KB\\)");
		NullProgressMonitor monitor = new NullProgressMonitor() {
			private double total;
			private double worked;

			@Override
			public void beginTask(String name, int totalWork) {
				total = totalWork;
			}

			@Override
			public void worked(int work) {
				worked += work;
			}

			@Override
			public void internalWorked(double work) {
				worked += work;
			}

			@Override
			public void subTask(String name) {
				Matcher matcher = bytes.matcher(name);
				if (matcher.matches()) {
					shown.add(new double[] { 100 * worked / total,
							100 * number(matcher.group(1)) / number(matcher.group(2)) });
				}
			}
		};
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			new FileSync(new RawRepl(port, TIMEOUT), SyncOptions.defaults().withCompress(false).withChunkSize(1024))
					.sync(project, monitor);
		}
		assertTrue(shown.size() >= 10, "the byte count was updated " + shown.size() + " times");
		for (double[] moment : shown) {
			// 5% connecting and comparing, then 90% for the bytes
			assertEquals(5 + 0.9 * moment[1], moment[0], 5, "bar " + moment[0] + "% with " + moment[1] + "% of the bytes");
		}
		assertTrue(shown.get(shown.size() - 1)[1] > 90, "the last count shown is near the total");
	}

	@Test
	void cancellingLeavesTheOldFileAndNoTemporaryFile() throws Exception {
		Map<String, byte[]> old = new TreeMap<>(Map.of("big.bin", randomBytes(5, 40_000)));
		sync(old, SyncOptions.defaults());
		Map<String, byte[]> project = new TreeMap<>(Map.of("big.bin", randomBytes(6, 40_000)));
		NullProgressMonitor monitor = new NullProgressMonitor() {
			private int worked;

			@Override
			public void worked(int work) {
				worked += work;
				if (worked > 10) {
					setCanceled(true);
				}
			}
		};
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			FileSync sync = new FileSync(new RawRepl(port, TIMEOUT), SyncOptions.defaults().withChunkSize(2048));
			assertThrows(OperationCanceledException.class, () -> sync.sync(project, monitor));
		}
		assertFlashHas(old);
		assertNoTemporaryFiles();
	}

	private SyncReport sync(Map<String, byte[]> project, SyncOptions options) throws IOException {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return new FileSync(new RawRepl(port, TIMEOUT), options).sync(project, new NullProgressMonitor());
		}
	}

	private void assertFlashHas(Map<String, byte[]> project) throws IOException, InterruptedException {
		assertFlashHas(board.flashDir(), project);
	}

	static void assertFlashHas(Path flash, Map<String, byte[]> project) throws IOException, InterruptedException {
		for (Map.Entry<String, byte[]> file : project.entrySet()) {
			Path path = flash.resolve(file.getKey());
			assertTrue(Files.exists(path), file.getKey() + " is missing on the board");
			assertArrayEquals(file.getValue(), Files.readAllBytes(path), file.getKey());
		}
	}

	private void assertNoTemporaryFiles() throws IOException {
		assertEquals(List.of(), temporaryFiles(board.flashDir()));
	}

	static List<Path> temporaryFiles(Path flash) throws IOException {
		try (Stream<Path> all = Files.walk(flash)) {
			return all.filter(p -> p.getFileName().toString().startsWith(".mqd-")).toList();
		}
	}

	/** A small project: Python text, a compressible text file, binary data, nested folders. */
	static Map<String, byte[]> sampleProject(long seed) {
		Map<String, byte[]> files = new TreeMap<>();
		files.put("main.py", bytes("import lib.helper\nprint('main', " + seed + ")\n"));
		files.put("boot.py", bytes("# boot\n"));
		files.put("config.json", bytes("{\"broker\": \"10.0.0.2\", \"port\": 1883, \"seed\": " + seed + "}\n"));
		files.put("lib/helper.py", bytes("def f(x):\n    return \"x\" * x\n".repeat(200)));
		files.put("lib/sub/data.bin", randomBytes(seed, 5000));
		return files;
	}

	private static double number(String shown) {
		return Double.parseDouble(shown.replace(',', '.'));
	}

	static byte[] randomBytes(long seed, int size) {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		return data;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] reversed(byte[] data) {
		byte[] out = new byte[data.length];
		for (int i = 0; i < data.length; i++) {
			out[i] = data[data.length - 1 - i];
		}
		return out;
	}
}
