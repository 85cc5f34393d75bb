/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.libraries;

import static io.mqttdevices.tests.fixtures.PackageIndexServer.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.mip.MipIndex;
import io.mqttdevices.core.libraries.mip.MipInstallReport;
import io.mqttdevices.core.libraries.mip.MipInstaller;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.PackageIndexServer;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * A board whose flash is too small for everything asked (the simulator's flash of a given size: {@code os.statvfs}
 * and ENOSPC). What an install with nothing to do costs: LibraryInstallBenchmark.
 */
class MipFullBoardTest {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path temp;
	PackageIndexServer index;
	byte[] simplePy;

	@BeforeEach
	void buildIndex() throws IOException {
		index = new PackageIndexServer(temp.resolve("www")).start(0);
		simplePy = Files.readAllBytes(PackageIndexServer.SIMPLE_PY);
		index.addPackage("py", "umqtt.simple", "1.8.0", Map.of("umqtt/simple.py", index.addFile(simplePy)), List.of());
		index.addPackage("py", "big", "1.0", Map.of("big/data.py", index.addFile(text(60_000))), List.of());
		index.addPackage("py", "two", "1.0", Map.of("two/a.py", index.addFile(text(8_000)), "two/b.py",
				index.addFile(text(30_000))), List.of());
	}

	@AfterEach
	void stopIndex() {
		index.stop();
	}

	@Test
	void whatFitsIsInstalledAndWhatDoesNotIsNotStarted() throws Exception {
		SimulatedBoard board = SimulatedBoard.create().flashSize(64 * 1024);
		board.beforeEach(null);
		try {
			MipInstallReport report = install(board, "umqtt.simple", "big");
			assertEquals(List.of("umqtt.simple"), report.installed());
			// 16 blocks of 4 KB; lib and lib/umqtt take one each, simple.py 2 and the estimate 1 more per file
			assertEquals(Map.of("big", "big was not installed: it needs 64.0 KB on the board and 52.0 KB is free."),
					report.failed());
			assertArrayEquals(simplePy, Files.readAllBytes(board.flashDir().resolve("lib/umqtt/simple.py")));
			assertFalse(Files.exists(board.flashDir().resolve("lib/big")));
			assertEquals(List.of(), leftovers(board));
		} finally {
			board.afterEach(null);
		}
	}

	@Test
	void aBoardThatCannotSayItsFreeSpaceGetsAWholeLibraryOrNone() throws Exception {
		SimulatedBoard board = SimulatedBoard.create().flashSize(32 * 1024).withoutStatvfs();
		board.beforeEach(null);
		try {
			MipInstallReport report = install(board, "two");
			assertEquals(List.of(), report.installed());
			assertEquals(Map.of("two", "two was not installed: the board's flash filled up while it was written, and"
					+ " none of it was kept."), report.failed());
			// a.py fitted and was staged, b.py did not: neither is in lib, and nothing staged is left
			assertFalse(Files.exists(board.flashDir().resolve("lib/two/a.py")));
			assertFalse(Files.exists(board.flashDir().resolve("lib/two/b.py")));
			assertEquals(List.of(), leftovers(board));
		} finally {
			board.afterEach(null);
		}
	}

	private MipInstallReport install(SimulatedBoard board, String... names) throws IOException {
		MipInstaller installer = new MipInstaller(new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("cache"))),
				SyncOptions.defaults(), false);
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return installer.install(new RawRepl(port, TIMEOUT),
					Stream.of(names).map(n -> new Requirement(n, null)).toList(), new NullProgressMonitor());
		}
	}

	private static List<Path> leftovers(SimulatedBoard board) throws IOException {
		try (Stream<Path> all = Files.walk(board.flashDir())) {
			return all.filter(p -> p.getFileName().toString().startsWith(".mqd-")).toList();
		}
	}

	/** Python text of about this size that deflate cannot shrink much (random identifiers). */
	private static byte[] text(int size) {
		StringBuilder text = new StringBuilder();
		java.util.Random random = new java.util.Random(size);
		while (text.length() < size - 40) {
			text.append("V").append(Long.toHexString(random.nextLong())).append(" = ")
					.append(random.nextInt()).append('\n');
		}
		return bytes(text.toString());
	}
}
