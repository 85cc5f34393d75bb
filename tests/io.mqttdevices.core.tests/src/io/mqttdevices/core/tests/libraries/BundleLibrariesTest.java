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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.LibraryStatus.State;
import io.mqttdevices.core.libraries.RemoveReport;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.bundle.BundleInstallResult;
import io.mqttdevices.core.libraries.bundle.BundleLibraries;
import io.mqttdevices.core.libraries.bundle.BundleSource;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;
import io.mqttdevices.tests.fixtures.ReleaseServer;
import io.mqttdevices.tests.fixtures.TestBundles;

/**
 * Installing CircuitPython libraries from bundles served by a real HTTP server on 127.0.0.1 into a CIRCUITPY test
 * drive whose boot_out.txt decides the bundle.
 */
class BundleLibrariesTest {

	private static final List<Requirement> MINIMQTT = List.of(new Requirement("adafruit_minimqtt", null, 3));

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	@TempDir
	Path temp;

	private Path site;
	private ReleaseServer server;
	private HttpFetcher fetcher;

	@BeforeEach
	void serveReleases() throws IOException {
		site = temp.resolve("site");
		TestBundles.latest(TestBundles.adafruit(site, TestBundles.TAG, 9, 10), TestBundles.TAG);
		TestBundles.latest(TestBundles.community(site, TestBundles.COMMUNITY_TAG, 9, 10), TestBundles.COMMUNITY_TAG);
		server = new ReleaseServer(site);
		Path cache = Files.createDirectories(temp.resolve("cache"));
		fetcher = new HttpFetcher(cache);
		drive.bootOut("9.2.1 on 2024-11-20", "Adafruit Feather ESP32-S2 with ESP32S2", "adafruit_feather_esp32s2");
		Files.writeString(drive.root().resolve("code.py"), "import adafruit_minimqtt.adafruit_minimqtt as MQTT\n");
	}

	@AfterEach
	void stopServer() {
		server.close();
	}

	private BundleLibraries libraries() {
		return new BundleLibraries(fetcher, new CircuitPyFlasher(drive.locator()),
				List.of(BundleSource.adafruit(server.url("adafruit/releases")),
						BundleSource.community(server.url("community/releases"))));
	}

	@Test
	void installsMiniMqttWithItsDependenciesFromTheBoardsMajorThenNothingTheSecondTime() throws Exception {
		BundleInstallResult result = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("adafruit_connection_manager", "adafruit_ticks", "adafruit_minimqtt"), result.installed(),
				result.summary());
		assertTrue(result.ok(), result.summary());
		assertEquals("9.2.1", result.board().version());
		assertEquals(List.of("Adafruit CircuitPython Bundle " + TestBundles.TAG), result.releases());
		assertDriveHas(TestBundles.adafruitLibFiles(9));
		assertTrue(server.requests().contains("/adafruit/releases/download/" + TestBundles.TAG
				+ "/adafruit-circuitpython-bundle-9.x-mpy-" + TestBundles.TAG + ".zip"), server.requests().toString());
		assertFalse(server.requests().stream().anyMatch(p -> p.startsWith("/community/")),
				"the Community bundle is not fetched when Adafruit's has every name: " + server.requests());
		assertEquals("import adafruit_minimqtt.adafruit_minimqtt as MQTT\n",
				Files.readString(drive.root().resolve("code.py")));

		Map<Path, FileTime> before = modificationTimes();
		int requests = server.requests().size();
		BundleInstallResult again = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("/adafruit/releases/latest.json"), server.requests().subList(requests, server.requests().size()),
				"the second time only the newest tag is asked for: the release's JSON and zip come from the cache");
		assertEquals(List.of(), again.installed(), again.summary());
		assertEquals(List.of("adafruit_connection_manager", "adafruit_ticks", "adafruit_minimqtt"), again.unchanged());
		assertEquals(before, modificationTimes(), "nothing was written the second time");

		List<LibraryStatus> status = libraries().status(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of(new LibraryStatus("adafruit_connection_manager", TestBundles.CONNECTION_MANAGER_VERSION,
				TestBundles.CONNECTION_MANAGER_VERSION, State.INSTALLED, null),
				new LibraryStatus("adafruit_ticks", TestBundles.TICKS_VERSION, TestBundles.TICKS_VERSION,
						State.INSTALLED, null),
				new LibraryStatus("adafruit_minimqtt", TestBundles.MINIMQTT_VERSION, TestBundles.MINIMQTT_VERSION,
						State.INSTALLED, null)),
				status);
	}

	@Test
	void bootOutTxtDecidesTheBundlesMajor() throws Exception {
		drive.bootOut("10.0.0-beta.2 on 2025-07-30", "Raspberry Pi Pico W with rp2040", "raspberry_pi_pico_w");
		BundleInstallResult result = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(10, result.board().major());
		assertDriveHas(TestBundles.adafruitLibFiles(10));
		assertFalse(server.requests().stream().anyMatch(p -> p.contains("9.x-mpy")), server.requests().toString());
	}

	@Test
	void statusSaysMissingOutdatedAndUnknownAndInstallOnlyTouchesThose() throws Exception {
		Files.createDirectories(drive.root().resolve("lib"));
		Files.writeString(drive.root().resolve("lib/adafruit_ticks.py"), "__version__ = \"1.0.0\"\n");
		Files.writeString(drive.root().resolve("lib/neopixel.mpy"), "not ours");
		List<Requirement> declared = List.of(new Requirement("adafruit_minimqtt", null, 3),
				new Requirement("adafruit_no_such_sensor", null, 4));
		Map<String, LibraryStatus> status = byName(libraries().status(drive.root(), declared, new NullProgressMonitor()));
		assertEquals(State.MISSING, status.get("adafruit_minimqtt").state());
		assertEquals(State.MISSING, status.get("adafruit_connection_manager").state());
		assertTrue(status.get("adafruit_connection_manager").detail().contains("Needed by adafruit_minimqtt"),
				status.get("adafruit_connection_manager").detail());
		LibraryStatus ticks = status.get("adafruit_ticks");
		assertEquals(State.OUTDATED, ticks.state());
		assertEquals("1.0.0", ticks.installed());
		assertEquals(TestBundles.TICKS_VERSION, ticks.wanted());
		LibraryStatus unknown = status.get("adafruit_no_such_sensor");
		assertEquals(State.UNKNOWN, unknown.state());
		assertTrue(unknown.detail().startsWith("No library named adafruit_no_such_sensor in the Adafruit CircuitPython "
				+ "Bundle " + TestBundles.TAG + " or the CircuitPython Community Bundle " + TestBundles.COMMUNITY_TAG),
				unknown.detail());

		BundleInstallResult result = libraries().install(drive.root(), declared, new NullProgressMonitor());
		assertEquals(List.of("adafruit_connection_manager", "adafruit_ticks", "adafruit_minimqtt"), result.installed());
		assertEquals(unknown.detail(), result.failed().get("adafruit_no_such_sensor"));
		assertEquals("not ours", Files.readString(drive.root().resolve("lib/neopixel.mpy")));
		assertDriveHas(TestBundles.adafruitLibFiles(9));
	}

	@Test
	void aNameOnlyTheCommunityBundleHasComesFromThereWithItsAdafruitDependency() throws Exception {
		BundleInstallResult result = libraries().install(drive.root(),
				List.of(new Requirement(TestBundles.SENSOR_DEMO, null, 1)), new NullProgressMonitor());
		assertEquals(List.of("adafruit_ticks", TestBundles.SENSOR_DEMO), result.installed(), result.summary());
		assertEquals(List.of("Adafruit CircuitPython Bundle " + TestBundles.TAG,
				"CircuitPython Community Bundle " + TestBundles.COMMUNITY_TAG), result.releases());
		assertDriveHas(TestBundles.communityLibFiles(9));
		assertArrayEquals(TestBundles.adafruitLibFiles(9).get("lib/adafruit_ticks.py"),
				Files.readAllBytes(drive.root().resolve("lib/adafruit_ticks.py")));
	}

	@Test
	void offlineWithoutACacheSaysSoAndWritesNothing() throws Exception {
		server.stop();
		LibraryException error = assertThrows(LibraryException.class,
				() -> libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(error);
		assertTrue(error.getMessage().contains("cannot be reached") && error.getMessage().contains("has no copy"), error.getMessage());
		assertFalse(Files.exists(drive.root().resolve("lib")));
	}

	@Test
	void installsAgainOfflineFromWhatWasFetched() throws Exception {
		libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		server.stop();
		deleteTree(drive.root().resolve("lib"));
		BundleInstallResult offline = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(3, offline.installed().size(), offline.summary());
		assertDriveHas(TestBundles.adafruitLibFiles(9));
	}

	@Test
	void noZipForTheBoardsMajorNamesTheVersionAndTheFile() throws Exception {
		drive.bootOut("8.2.10 on 2024-02-14", "Adafruit QT Py ESP32-S2", "adafruit_qtpy_esp32s2");
		LibraryException error = assertThrows(LibraryException.class,
				() -> libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(error);
		assertTrue(error.getMessage().contains("no libraries for CircuitPython 8"), error.getMessage());
		assertTrue(error.getMessage().contains("adafruit-circuitpython-bundle-8.x-mpy-" + TestBundles.TAG + ".zip"),
				error.getMessage());
		assertTrue(error.getMessage().contains("404"), error.getMessage());
		assertFalse(Files.exists(drive.root().resolve("lib")));
	}

	@Test
	void aZipForAnotherMajorIsRefusedBeforeAnythingIsCopied() throws Exception {
		// a mirror that put the 8.x zip where the 9.x one belongs
		String top8 = "adafruit-circuitpython-bundle-8.x-mpy-" + TestBundles.TAG;
		Files.write(site.resolve("adafruit/releases/download/" + TestBundles.TAG
				+ "/adafruit-circuitpython-bundle-9.x-mpy-" + TestBundles.TAG + ".zip"),
				TestBundles.zip(top8, TestBundles.adafruitLibFiles(8)));
		LibraryException error = assertThrows(LibraryException.class,
				() -> libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(error);
		assertTrue(error.getMessage().contains("for CircuitPython 8"), error.getMessage());
		assertTrue(error.getMessage().contains("the board runs CircuitPython 9"), error.getMessage());
		assertFalse(Files.exists(drive.root().resolve("lib")));
	}

	@Test
	void aDamagedDownloadIsRefusedBeforeAnythingIsCopied() throws Exception {
		Path zip = site.resolve("adafruit/releases/download/" + TestBundles.TAG + "/adafruit-circuitpython-bundle-9.x-mpy-"
				+ TestBundles.TAG + ".zip");
		byte[] bytes = Files.readAllBytes(zip);
		// flip one byte of a stored file's data: the zip still opens, the entry's CRC no longer matches
		byte[] marker = TestBundles.text("def ticks_ms");
		int at = indexOf(bytes, marker);
		assertTrue(at > 0, "the ticks source is in the zip");
		bytes[at] ^= 0x20;
		Files.write(zip, bytes);
		LibraryException error = assertThrows(LibraryException.class,
				() -> libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(error);
		assertTrue(error.getMessage().contains("is damaged"), error.getMessage());
		assertFalse(Files.exists(drive.root().resolve("lib")));

		Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
		LibraryException truncated = assertThrows(LibraryException.class,
				() -> libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertTrue(truncated.getMessage().contains("is damaged"), truncated.getMessage());
		assertFalse(Files.exists(drive.root().resolve("lib")));
	}

	@Test
	void aFullDriveGetsWhatFitsAndNoHalfWrittenLibrary() throws Exception {
		Map<String, byte[]> files = TestBundles.adafruitLibFiles(9);
		long dependencies = cluster(files.get("lib/adafruit_connection_manager.py").length)
				+ cluster(files.get("lib/adafruit_ticks.py").length);
		// room for the two dependencies and half of MiniMQTT
		drive.capacity(drive.used(drive.root()) + dependencies
				+ cluster(files.get("lib/adafruit_minimqtt/adafruit_minimqtt.py").length) / 2);
		BundleInstallResult result = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("adafruit_connection_manager", "adafruit_ticks"), result.installed(), result.summary());
		String why = result.failed().get("adafruit_minimqtt");
		assertTrue(why != null && why.contains("KB free") && why.contains("delete files"), result.summary());
		assertFalse(Files.exists(drive.root().resolve("lib/adafruit_minimqtt")), "no part of MiniMQTT was written");
		assertNoTemporaryFiles();
		assertTrue(result.summary().contains("not installed: adafruit_minimqtt"), result.summary());
	}

	@Test
	void aFullDriveKeepsTheOldVersionWholeWhenTheNewOneDoesNotFit() throws Exception {
		Map<String, byte[]> old = new HashMap<>();
		for (Map.Entry<String, byte[]> file : TestBundles.adafruitLibFiles(9).entrySet()) {
			byte[] content = new String(file.getValue()).replace(TestBundles.MINIMQTT_VERSION, "7.9.0")
					.replace("# 9.x-mpy", "# older").getBytes();
			old.put(file.getKey(), content);
			Files.createDirectories(drive.root().resolve(file.getKey()).getParent());
			Files.write(drive.root().resolve(file.getKey()), content);
		}
		drive.capacity(drive.used(drive.root()) + 2048);
		BundleInstallResult result = libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertTrue(result.failed().containsKey("adafruit_minimqtt"), result.summary());
		for (String name : List.of("__init__.py", "adafruit_minimqtt.py", "matcher.py")) {
			String path = "lib/adafruit_minimqtt/" + name;
			assertArrayEquals(old.get(path), Files.readAllBytes(drive.root().resolve(path)), path);
		}
		assertNoTemporaryFiles();
		LibraryStatus status = byName(libraries().status(drive.root(), MINIMQTT, new NullProgressMonitor()))
				.get("adafruit_minimqtt");
		assertEquals(State.OUTDATED, status.state());
		assertEquals("7.9.0", status.installed());
	}

	@Test
	void aFolderSetAsTheBundleURLWorksWithoutLatestJson() throws Exception {
		Path folder = temp.resolve("folder");
		Path releases = TestBundles.adafruit(folder, "20240101", 9);
		TestBundles.adafruit(folder, TestBundles.TAG, 9);
		assertFalse(Files.exists(releases.resolve("latest.json")));
		BundleLibraries libraries = new BundleLibraries(fetcher, new CircuitPyFlasher(drive.locator()),
				List.of(BundleSource.adafruit(releases.toUri().toString())));
		BundleInstallResult result = libraries.install(drive.root(), MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("Adafruit CircuitPython Bundle " + TestBundles.TAG), result.releases(),
				"the newest download/<tag> folder");
		assertDriveHas(TestBundles.adafruitLibFiles(9));
	}

	@Test
	void aDriveWithoutBootOutTxtSaysToResetTheBoard() throws Exception {
		Files.delete(drive.root().resolve("boot_out.txt"));
		LibraryException error = assertThrows(LibraryException.class,
				() -> libraries().status(drive.root(), MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(error);
		assertTrue(error.getMessage().contains("has no boot_out.txt"), error.getMessage());
		assertTrue(error.getMessage().contains("reset the board"), error.getMessage());
		assertEquals(List.of(), server.requests(), "nothing fetched before the board's version is known");
	}

	@Test
	void anOldPyBesideTheNewMpyIsRemovedSoItCannotShadowIt() throws Exception {
		// a one-file module: the real 9.x-mpy zip has <name>.mpy, and a stale <name>.py would be imported first
		Path releases = temp.resolve("mpy/adafruit/releases");
		String top = "adafruit-circuitpython-bundle-9.x-mpy-" + TestBundles.TAG;
		Path download = Files.createDirectories(releases.resolve("download/" + TestBundles.TAG));
		Files.writeString(download.resolve("adafruit-circuitpython-bundle-" + TestBundles.TAG + ".json"),
				"{\"adafruit_ticks\": {\"package\": false, \"pypi_name\": \"adafruit-circuitpython-ticks\", "
						+ "\"version\": \"1.1.1\", \"path\": \"lib/adafruit_ticks\", \"dependencies\": [], "
						+ "\"external_dependencies\": []}}");
		byte[] mpy = mpyDeclaring("1.1.1");
		Files.write(download.resolve(top + ".zip"), TestBundles.zip(top, Map.of("lib/adafruit_ticks.mpy", mpy)));
		TestBundles.latest(releases, TestBundles.TAG);
		Files.createDirectories(drive.root().resolve("lib"));
		Files.writeString(drive.root().resolve("lib/adafruit_ticks.py"), "__version__ = \"1.1.1\"\n");
		BundleLibraries libraries = new BundleLibraries(fetcher, new CircuitPyFlasher(drive.locator()),
				List.of(BundleSource.adafruit(releases.toUri().toString())));
		List<Requirement> ticks = List.of(new Requirement("adafruit-circuitpython-ticks", null));
		assertEquals(State.OUTDATED, libraries.status(drive.root(), ticks, new NullProgressMonitor()).get(0).state());
		BundleInstallResult result = libraries.install(drive.root(), ticks, new NullProgressMonitor());
		assertEquals(List.of("lib/adafruit_ticks.py"), result.removed());
		assertArrayEquals(mpy, Files.readAllBytes(drive.root().resolve("lib/adafruit_ticks.mpy")));
		LibraryStatus status = libraries.status(drive.root(), ticks, new NullProgressMonitor()).get(0);
		assertEquals(new LibraryStatus("adafruit_ticks", "1.1.1", "1.1.1", State.INSTALLED, null), status);
	}

	@Test
	void removeTakesThePackageFolderAndLeavesItsDependenciesAndTheUsersFiles() throws Exception {
		libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		Files.writeString(drive.root().resolve("lib/neopixel.mpy"), "not ours");
		Files.writeString(drive.root().resolve("lib/adafruit_minimqtt_extras.py"), "EXTRA = 1\n");

		RemoveReport report = libraries().remove(drive.root(), MINIMQTT, MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("adafruit_minimqtt"), report.removed(), report.summary());
		assertEquals(List.of("lib/adafruit_minimqtt/matcher.py", "lib/adafruit_minimqtt/adafruit_minimqtt.py",
				"lib/adafruit_minimqtt/__init__.py", "lib/adafruit_minimqtt"), report.deleted());
		assertEquals("Removed adafruit_minimqtt (4 files and folders)", report.summary());
		assertFalse(Files.exists(drive.root().resolve("lib/adafruit_minimqtt")));
		Map<String, byte[]> files = TestBundles.adafruitLibFiles(9);
		for (String kept : List.of("lib/adafruit_connection_manager.py", "lib/adafruit_ticks.py")) {
			assertArrayEquals(files.get(kept), Files.readAllBytes(drive.root().resolve(kept)), kept);
		}
		assertEquals("not ours", Files.readString(drive.root().resolve("lib/neopixel.mpy")));
		assertEquals("EXTRA = 1\n", Files.readString(drive.root().resolve("lib/adafruit_minimqtt_extras.py")));
		assertEquals(State.MISSING, byName(libraries().status(drive.root(), MINIMQTT, new NullProgressMonitor()))
				.get("adafruit_minimqtt").state());

		RemoveReport again = libraries().remove(drive.root(), MINIMQTT, MINIMQTT, new NullProgressMonitor());
		assertEquals(List.of("adafruit_minimqtt"), again.notThere(), again.summary());
		assertEquals(List.of(), again.deleted());
	}

	@Test
	void removeLeavesAModuleADeclaredLibraryNeedsAndTakesAnMpyWithThePyBesideIt() throws Exception {
		libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		Files.write(drive.root().resolve("lib/adafruit_ticks.mpy"), mpyDeclaring(TestBundles.TICKS_VERSION));
		List<Requirement> ticks = List.of(new Requirement("adafruit-circuitpython-ticks", null));

		RemoveReport refused = libraries().remove(drive.root(), ticks, MINIMQTT, new NullProgressMonitor());
		assertEquals(Map.of("adafruit-circuitpython-ticks", "adafruit-circuitpython-ticks was not removed: "
				+ "adafruit_minimqtt needs it, and stays declared."), refused.notRemoved());
		assertTrue(Files.exists(drive.root().resolve("lib/adafruit_ticks.py")));

		RemoveReport report = libraries().remove(drive.root(),
				List.of(ticks.get(0), new Requirement("adafruit_no_such_sensor", null)), List.of(),
				new NullProgressMonitor());
		assertEquals(List.of("lib/adafruit_ticks.mpy", "lib/adafruit_ticks.py"), report.deleted(), report.summary());
		assertEquals(List.of("adafruit-circuitpython-ticks"), report.removed());
		assertTrue(report.notRemoved().get("adafruit_no_such_sensor").startsWith(
				"No library named adafruit_no_such_sensor in the Adafruit CircuitPython Bundle"), report.summary());
		assertTrue(Files.isDirectory(drive.root().resolve("lib/adafruit_minimqtt")));
		assertTrue(Files.exists(drive.root().resolve("lib/adafruit_connection_manager.py")));
	}

	@Test
	void removeFromAnUnpluggedOrReadOnlyDriveSaysSoInOneSentence() throws Exception {
		libraries().install(drive.root(), MINIMQTT, new NullProgressMonitor());
		drive.mountReadOnly();
		LibraryException readOnly = assertThrows(LibraryException.class,
				() -> libraries().remove(drive.root(), MINIMQTT, MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(readOnly);
		assertTrue(readOnly.getMessage().contains("is read-only"), readOnly.getMessage());
		assertTrue(Files.isDirectory(drive.root().resolve("lib/adafruit_minimqtt")));

		drive.eject();
		LibraryException gone = assertThrows(LibraryException.class,
				() -> libraries().remove(drive.root(), MINIMQTT, MINIMQTT, new NullProgressMonitor()));
		assertPlainSentence(gone);
		assertTrue(gone.getMessage().contains("the board was unplugged"), gone.getMessage());
	}

	/** Bytes laid out like an .mpy of format 6 as far as circup's version reading goes: header, then "x.y.z\0". */
	static byte[] mpyDeclaring(String version) {
		byte[] head = { 'C', 6, 0, 31, 0x0b };
		byte[] tail = TestBundles.text("__version__\u0000" + version + "\u0000adafruit_ticks.py\u0000");
		byte[] all = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private static long cluster(long size) {
		return (size + CircuitPyDrive.CLUSTER - 1) / CircuitPyDrive.CLUSTER * CircuitPyDrive.CLUSTER;
	}

	private static void assertPlainSentence(LibraryException error) {
		String message = error.getMessage();
		assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("\n"), message);
		assertTrue(message.endsWith("."), message);
	}

	private void assertDriveHas(Map<String, byte[]> files) throws IOException {
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			assertArrayEquals(file.getValue(), Files.readAllBytes(drive.root().resolve(file.getKey())), file.getKey());
		}
	}

	private void assertNoTemporaryFiles() throws IOException {
		try (Stream<Path> all = Files.walk(drive.root())) {
			assertEquals(List.of(),
					all.filter(p -> p.getFileName().toString().startsWith(CircuitPyFlasher.TMP_PREFIX)).toList());
		}
	}

	private Map<Path, FileTime> modificationTimes() throws IOException {
		Map<Path, FileTime> times = new HashMap<>();
		try (Stream<Path> all = Files.walk(drive.root())) {
			for (Path file : all.filter(Files::isRegularFile).toList()) {
				times.put(file, Files.getLastModifiedTime(file));
			}
		}
		return times;
	}

	private static Map<String, LibraryStatus> byName(List<LibraryStatus> statuses) {
		Map<String, LibraryStatus> map = new HashMap<>();
		statuses.forEach(s -> map.put(s.name(), s));
		return map;
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path path : all.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
	}
}
