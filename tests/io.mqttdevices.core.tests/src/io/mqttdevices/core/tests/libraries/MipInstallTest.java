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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.board.ExecResult;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.RemoveReport;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.mip.MipIndex;
import io.mqttdevices.core.libraries.mip.MipInstallReport;
import io.mqttdevices.core.libraries.mip.MipInstaller;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.PackageIndexServer;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * Installing micropython-lib packages from a real HTTP index (built by the test, served on 127.0.0.1) onto the
 * simulated board (real MicroPython over a serial port), checked in the board's flash mirror and its REPL.
 */
class MipInstallTest {

	static final Duration TIMEOUT = Duration.ofSeconds(10);
	/** A stand-in for compiled bytecode: the simulator has no mpy-cross to make real .mpy files with. */
	static final byte[] SIMPLE_MPY = mpyLike(1, 5000);
	static final byte[] ROBUST_MPY = mpyLike(2, 900);
	static final byte[] ROBUST_PY = bytes("""
			# umqtt.robust-style: reconnects; depends on umqtt.simple
			from umqtt.simple import MQTTClient as _Simple


			class MQTTClient(_Simple):
			    DELAY = 2

			    def reconnect(self):
			        return super().connect(False)
			""");

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@TempDir
	Path temp;
	PackageIndexServer index;
	byte[] simplePy;

	@BeforeEach
	void buildIndex() throws IOException {
		index = new PackageIndexServer(temp.resolve("www")).start(0);
		simplePy = Files.readAllBytes(PackageIndexServer.SIMPLE_PY);
		index.addPackage("py", "umqtt.simple", "1.8.0", Map.of("umqtt/simple.py", index.addFile(simplePy)), List.of());
		index.addPackage("6", "umqtt.simple", "1.8.0", Map.of("umqtt/simple.mpy", index.addFile(SIMPLE_MPY)),
				List.of());
		index.addPackage("py", "umqtt.robust", "1.0.2", Map.of("umqtt/robust.py", index.addFile(ROBUST_PY)),
				List.of("umqtt.simple"));
		index.addPackage("6", "umqtt.robust", "1.0.2", Map.of("umqtt/robust.mpy", index.addFile(ROBUST_MPY)),
				List.of("umqtt.simple"));
		// one file served under the hash of other content
		index.addPackage("py", "tampered", "0.1", Map.of("tampered.py",
				index.addFileAs(bytes("import os\nos.remove('main.py')\n"), bytes("X = 1\n"))), List.of());
		// a dependency cycle
		index.addPackage("py", "cycle.a", "1.0", Map.of("cycle_a.py", index.addFile(bytes("A = 1\n"))),
				List.of("cycle.b"));
		index.addPackage("py", "cycle.b", "1.0", Map.of("cycle_b.py", index.addFile(bytes("B = 1\n"))),
				List.of("cycle.a"));
	}

	@AfterEach
	void stopIndex() {
		index.stop();
	}

	@Test
	void installsTheFlavourOfTheBoardsBytecodeVersionWithItsDependency() throws Exception {
		MipInstallReport report = install(true, "umqtt.robust");
		assertEquals("6", report.flavour(), "sys.implementation._mpy & 0xff of MicroPython 1.27");
		assertEquals(List.of("umqtt.robust"), report.installed(), report.toString());
		assertEquals(Map.of(), report.failed());
		assertArrayEquals(ROBUST_MPY, flash("lib/umqtt/robust.mpy"));
		assertArrayEquals(SIMPLE_MPY, flash("lib/umqtt/simple.mpy"));
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt/simple.py")));
		assertTrue(index.requests.contains("/pi/v2/package/6/umqtt.robust/latest.json"), index.requests.toString());
		assertTrue(index.requests.stream().noneMatch(r -> r.contains("/package/py/")), index.requests.toString());
		assertEquals(List.of(), leftovers());
	}

	@Test
	void installsSourcesTheBoardImportsAndASecondInstallSendsNothing() throws Exception {
		MipInstallReport first = install(false, "umqtt.robust");
		assertEquals("py", first.flavour());
		assertEquals(List.of("lib/umqtt/robust.py", "lib/umqtt/simple.py"), first.uploaded().stream().sorted().toList());
		assertArrayEquals(simplePy, flash("lib/umqtt/simple.py"));
		assertArrayEquals(ROBUST_PY, flash("lib/umqtt/robust.py"));

		// the simulated board has no network stack: a stand-in socket module, as firmware has one built in
		board.unplug();
		Files.writeString(board.flashDir().resolve("socket.py"), "def socket(*a):\n    raise OSError(113)\n");
		board.replug();
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			RawRepl repl = new RawRepl(port, TIMEOUT);
			repl.enter();
			ExecResult imported = repl.exec("import umqtt.robust\nprint(umqtt.robust.MQTTClient.DELAY,"
					+ " umqtt.robust.MQTTClient.__bases__[0].__name__, umqtt.robust.MQTTClient('c', 'b').port)\n");
			repl.exit();
			assertEquals("", imported.error());
			assertEquals("2 MQTTClient 1883", imported.output().strip());
		}

		long before = Files.getLastModifiedTime(board.flashDir().resolve("lib/umqtt/simple.py")).toMillis();
		MipInstallReport again = install(false, "umqtt.robust");
		assertEquals(List.of(), again.uploaded());
		assertEquals(0, again.bytes());
		assertEquals(List.of("umqtt.robust"), again.unchanged());
		assertEquals(2, again.skipped());
		assertEquals("all 1 libraries already on the board", again.summary());
		assertEquals(before, Files.getLastModifiedTime(board.flashDir().resolve("lib/umqtt/simple.py")).toMillis());
	}

	@Test
	void statusSaysMissingInstalledOutdatedAndUnknown() throws Exception {
		List<Requirement> wanted = List.of(new Requirement("umqtt.simple", null), new Requirement("umqtt.robust", null),
				new Requirement("nosuch", null));
		List<LibraryStatus> before = status(wanted);
		assertEquals(new LibraryStatus("umqtt.simple", "1.8.0", null, LibraryStatus.State.MISSING, null), before.get(0));
		assertEquals(LibraryStatus.State.UNKNOWN, before.get(2).state());
		assertEquals("nosuch is not in the package index " + index.indexUrl() + " for .mpy version 6.",
				before.get(2).detail());

		install(true, "umqtt.simple");
		List<LibraryStatus> after = status(wanted);
		assertEquals(new LibraryStatus("umqtt.simple", "1.8.0", "1.8.0", LibraryStatus.State.INSTALLED, null),
				after.get(0));
		assertEquals(LibraryStatus.State.MISSING, after.get(1).state(), "its own file is not there");

		board.unplug();
		Files.write(board.flashDir().resolve("lib/umqtt/simple.mpy"), mpyLike(9, 5000)); // same size, other bytes
		board.replug();
		LibraryStatus changed = status(wanted).get(0);
		assertEquals(LibraryStatus.State.OUTDATED, changed.state());
		assertEquals("1 of its 1 files are missing on the board or differ from version 1.8.0.", changed.detail());
	}

	/** ESP32 firmware has umqtt.simple frozen in: a copy in lib/ would never be imported, so none is made. */
	@Test
	void aLibraryTheBoardImportsFromOutsideLibIsNotInstalledAgain() throws Exception {
		board.unplug();
		Files.writeString(board.flashDir().resolve("socket.py"), "def socket(*a):\n    raise OSError(113)\n");
		Files.createDirectories(board.flashDir().resolve("umqtt"));
		Files.write(board.flashDir().resolve("umqtt/simple.py"), simplePy); // where the firmware's frozen copy would be
		board.replug();
		LibraryStatus status = status(List.of(new Requirement("umqtt.simple", null))).get(0);
		assertEquals(LibraryStatus.State.INSTALLED, status.state());
		assertEquals("The board has umqtt.simple outside lib/ (built into its firmware, or in the flash root): nothing"
				+ " to install.", status.detail());
		MipInstallReport report = install(false, "umqtt.simple");
		assertEquals(List.of(), report.uploaded());
		assertEquals(List.of("umqtt.simple"), report.unchanged());
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt/simple.py")));
	}

	@Test
	void aWrongHashAnUnknownNameAndACycleEachGetOneSentenceAndNothingHalfWritten() throws Exception {
		MipInstallReport report = install(false, "tampered", "nosuch", "cycle.a", "umqtt.simple@1.8.0");
		assertEquals(List.of("cycle.a", "umqtt.simple@1.8.0"), report.installed());
		String claimed = PackageIndexServer.sha256(bytes("X = 1\n")).substring(0, 8);
		String served = PackageIndexServer.sha256(bytes("import os\nos.remove('main.py')\n")).substring(0, 8);
		assertEquals("The download of " + index.indexUrl() + "/file/" + claimed.substring(0, 2) + "/" + claimed
				+ " was discarded: its SHA-256 starts with " + served + ", not with " + claimed + " as the index says.",
				report.failed().get("tampered"));
		assertEquals("nosuch is not in the package index " + index.indexUrl() + " for source files.",
				report.failed().get("nosuch"));
		assertFalse(Files.exists(board.flashDir().resolve("lib/tampered.py")));
		assertEquals("A = 1\n", Files.readString(board.flashDir().resolve("lib/cycle_a.py")));
		assertEquals("B = 1\n", Files.readString(board.flashDir().resolve("lib/cycle_b.py")));
		assertArrayEquals(simplePy, flash("lib/umqtt/simple.py"));
	}

	@Test
	void offlineWithoutACacheSaysSoAndWithTheCacheInstallsAgain() throws Exception {
		install(true, "umqtt.robust");
		board.unplug();
		deleteTree(board.flashDir().resolve("lib"));
		board.replug();
		index.stop();

		// the cache of the first install: package descriptions by URL, files by hash
		MipInstallReport offline = install(true, "umqtt.robust");
		assertEquals(List.of("umqtt.robust"), offline.installed(), offline.toString());
		assertArrayEquals(SIMPLE_MPY, flash("lib/umqtt/simple.mpy"));

		// a fresh cache has nothing to fall back on: one sentence, nothing written
		board.unplug();
		deleteTree(board.flashDir().resolve("lib"));
		board.replug();
		MipInstaller fresh = new MipInstaller(new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("empty"))),
				SyncOptions.defaults(), true);
		LibraryException e = assertThrows(LibraryException.class, () -> run(r -> fresh.install(r,
				List.of(new Requirement("umqtt.robust", null)), new NullProgressMonitor())));
		assertEquals("Could not download " + index.indexUrl() + "/package/6/umqtt.robust/latest.json: 127.0.0.1 cannot"
				+ " be reached (offline?), and the download cache has no copy of it.", e.getMessage());
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt")));
	}

	@Test
	void theIndexCanBeAFolder() throws Exception {
		MipInstaller installer = new MipInstaller(
				new MipIndex(index.root.resolve("pi/v2").toUri().toString(), new HttpFetcher(temp.resolve("cache"))),
				SyncOptions.defaults(), false);
		MipInstallReport report = run(r -> installer.install(r, List.of(new Requirement("umqtt.simple", null)),
				new NullProgressMonitor()));
		assertEquals(List.of("umqtt.simple"), report.installed());
		assertArrayEquals(simplePy, flash("lib/umqtt/simple.py"));
		assertEquals(List.of(), index.requests);
	}

	@Test
	void urlPackagesAsMipTakesThem() throws Exception {
		// a package.json with a relative URL and a dependency from the index, and a single-file URL
		index.put("gh/sensors/package.json", bytes("""
				{"urls": [["sensors/dht.py", "dht.py"]], "deps": [["umqtt.simple", "latest"]], "version": "0.3"}
				"""));
		index.put("gh/sensors/dht.py", bytes("T = 21\n"));
		index.put("raw/one.py", bytes("ONE = 1\n"));
		MipInstallReport report = install(false, index.url() + "/gh/sensors", index.url() + "/raw/one.py");
		assertEquals(2, report.installed().size(), report.toString());
		assertEquals("T = 21\n", Files.readString(board.flashDir().resolve("lib/sensors/dht.py")));
		assertEquals("ONE = 1\n", Files.readString(board.flashDir().resolve("lib/one.py")));
		assertArrayEquals(simplePy, flash("lib/umqtt/simple.py"));
	}

	@Test
	void removeTakesALibrarysOwnFilesAndLeavesItsDependencyOtherLibrariesAndTheUsersFiles() throws Exception {
		install(false, "umqtt.robust", "cycle.a");
		board.unplug();
		Files.writeString(board.flashDir().resolve("lib/mysensor.py"), "VALUE = 1\n");
		Files.writeString(board.flashDir().resolve("lib/umqtt/notes.txt"), "mine\n");
		board.replug();

		RemoveReport report = remove(false, List.of("umqtt.robust", "tampered"), List.of("umqtt.robust", "cycle.a"));
		assertEquals(List.of("umqtt.robust"), report.removed(), report.summary());
		assertEquals(List.of("tampered"), report.notThere());
		assertEquals(Map.of(), report.notRemoved());
		assertEquals(List.of("lib/umqtt/robust.py"), report.deleted());
		assertEquals("Removed umqtt.robust (lib/umqtt/robust.py); tampered was not on the board", report.summary());
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt/robust.py")));
		assertArrayEquals(simplePy, flash("lib/umqtt/simple.py"), "a dependency stays: others may import it");
		assertEquals("A = 1\n", Files.readString(board.flashDir().resolve("lib/cycle_a.py")));
		assertEquals("B = 1\n", Files.readString(board.flashDir().resolve("lib/cycle_b.py")));
		assertEquals("VALUE = 1\n", Files.readString(board.flashDir().resolve("lib/mysensor.py")));
		assertEquals("mine\n", Files.readString(board.flashDir().resolve("lib/umqtt/notes.txt")));
		assertEquals(LibraryStatus.State.MISSING,
				status(List.of(new Requirement("umqtt.robust", null))).get(0).state());
	}

	@Test
	void removeLeavesALibraryAnotherOneNeedsAndTakesBothTogetherWithTheirFolderAndTheOtherFlavour()
			throws Exception {
		install(true, "umqtt.robust");
		board.unplug();
		Files.writeString(board.flashDir().resolve("lib/umqtt/simple.py"), "# an older source copy\n");
		board.replug();
		List<String> declared = List.of("umqtt.simple", "umqtt.robust");

		RemoveReport refused = remove(true, List.of("umqtt.simple"), declared);
		assertEquals(Map.of("umqtt.simple", "umqtt.simple was not removed: umqtt.robust, which stays declared, needs it."),
				refused.notRemoved());
		assertEquals(List.of(), refused.deleted());
		assertArrayEquals(SIMPLE_MPY, flash("lib/umqtt/simple.mpy"));

		// a board installed compiled, the preference now on sources: the .mpy files go all the same
		RemoveReport both = remove(false, List.of("umqtt.robust", "umqtt.simple"), declared);
		assertEquals(List.of("umqtt.robust", "umqtt.simple"), both.removed(), both.summary());
		assertEquals(List.of("lib/umqtt/robust.mpy", "lib/umqtt/simple.py", "lib/umqtt/simple.mpy", "lib/umqtt"),
				both.deleted());
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt")), "the folder they left empty goes too");
		assertTrue(Files.isDirectory(board.flashDir().resolve("lib")), "lib/ stays");
		assertEquals(List.of(), leftovers());
	}

	@Test
	void aLibraryTheBoardHasOnlyOutsideLibCannotBeRemoved() throws Exception {
		board.unplug();
		Files.writeString(board.flashDir().resolve("socket.py"), "def socket(*a):\n    raise OSError(113)\n");
		Files.createDirectories(board.flashDir().resolve("umqtt"));
		Files.write(board.flashDir().resolve("umqtt/simple.py"), simplePy); // where the firmware's frozen copy would be
		board.replug();
		RemoveReport report = remove(true, List.of("umqtt.simple"), List.of("umqtt.simple"));
		assertEquals(Map.of("umqtt.simple", "umqtt.simple cannot be removed: the board has it outside lib/ (built into"
				+ " its firmware, or in the flash root), not as a library it installed."), report.notRemoved());
		assertArrayEquals(simplePy, flash("umqtt/simple.py"));
	}

	private RemoveReport remove(boolean compiled, List<String> names, List<String> declared) throws IOException {
		MipInstaller installer = new MipInstaller(new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("cache"))),
				SyncOptions.defaults(), compiled);
		return run(r -> installer.remove(r, names.stream().map(n -> new Requirement(n, null)).toList(),
				declared.stream().map(n -> new Requirement(n, null)).toList(), new NullProgressMonitor()));
	}

	private MipInstallReport install(boolean compiled, String... names) throws IOException {
		MipInstaller installer = new MipInstaller(new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("cache"))),
				SyncOptions.defaults(), compiled);
		return run(r -> installer.install(r, Stream.of(names).map(n -> new Requirement(n, null)).toList(),
				new NullProgressMonitor()));
	}

	private List<LibraryStatus> status(List<Requirement> wanted) throws IOException {
		MipInstaller installer = new MipInstaller(new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("cache"))),
				SyncOptions.defaults(), true);
		return run(r -> installer.status(r, wanted, new NullProgressMonitor()));
	}

	interface OnBoard<T> {
		T run(RawRepl repl) throws IOException;
	}

	private <T> T run(OnBoard<T> action) throws IOException {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return action.run(new RawRepl(port, TIMEOUT));
		}
	}

	private byte[] flash(String path) throws IOException {
		Path file = board.flashDir().resolve(path);
		assertTrue(Files.exists(file), path + " is not on the board");
		return Files.readAllBytes(file);
	}

	/** Temporary and staged files an install may leave. */
	private List<Path> leftovers() throws IOException {
		try (Stream<Path> all = Files.walk(board.flashDir())) {
			return all.filter(p -> p.getFileName().toString().startsWith(".mqd-")).toList();
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> all = Files.walk(root)) {
				for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	static int closedPort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	/** Bytes that start like a version 6 .mpy file. */
	static byte[] mpyLike(long seed, int size) {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		data[0] = 'M';
		data[1] = 6;
		return data;
	}
}
