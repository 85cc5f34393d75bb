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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.bundle.BundleInstallResult;
import io.mqttdevices.core.libraries.bundle.BundleLibraries;
import io.mqttdevices.core.libraries.bundle.BundleSource;
import io.mqttdevices.core.libraries.mip.MipIndex;
import io.mqttdevices.core.libraries.mip.MipInstallReport;
import io.mqttdevices.core.libraries.mip.MipInstaller;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;
import io.mqttdevices.tests.fixtures.PackageIndexServer;
import io.mqttdevices.tests.fixtures.ReleaseServer;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.tests.fixtures.TestBundles;

/**
 * What a library install costs (run by {@code benchmarks/run libraries}; a benchmark, not a test: nothing is
 * asserted). MicroPython: umqtt.simple 1.8.0 (the real file) from a package index on 127.0.0.1 onto the simulated
 * board at 115200 baud, the ideal board and the esp8266 profile, first and again with nothing to do (what every
 * Upload to Board pays once the library is there). CircuitPython: MiniMQTT with its two dependencies from a bundle
 * release on 127.0.0.1 into the CIRCUITPY test drive, first and again. Writes {@code key=value} figures to the file
 * named by {@code mqttdevices.benchmark.out}.
 */
class LibraryInstallBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path temp;

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	private final List<String> figures = new ArrayList<>();

	@Test
	void installs() throws Exception {
		PackageIndexServer index = new PackageIndexServer(temp.resolve("www")).start(0);
		try {
			byte[] simplePy = Files.readAllBytes(PackageIndexServer.SIMPLE_PY);
			index.addPackage("py", "umqtt.simple", "1.8.0", Map.of("umqtt/simple.py", index.addFile(simplePy)),
					List.of());
			mip(index, "ideal", SimulatedBoard.create().throttled(115200));
			mip(index, "esp8266", SimulatedBoard.create().profile(SimulatedBoard.ESP8266));
		} finally {
			index.stop();
		}
		bundle();
		write();
	}

	private void mip(PackageIndexServer index, String profile, SimulatedBoard board) throws Exception {
		board.beforeEach(null);
		try {
			MipInstaller installer = new MipInstaller(
					new MipIndex(index.indexUrl(), new HttpFetcher(temp.resolve("cache-" + profile))),
					SyncOptions.defaults(), false);
			MipInstallReport first = mipInstall(installer, board);
			MipInstallReport again = mipInstall(installer, board);
			figures.add(String.format("libraries.mip.%s.first.seconds=%.2f", profile, seconds(first.time())));
			figures.add(String.format("libraries.mip.%s.noop.seconds=%.2f", profile, seconds(again.time())));
			figures.add(String.format("libraries.mip.%s.noop.files_sent=%d", profile, again.uploaded().size()));
		} finally {
			board.afterEach(null);
		}
	}

	private static MipInstallReport mipInstall(MipInstaller installer, SimulatedBoard board) throws IOException {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return installer.install(new RawRepl(port, TIMEOUT), List.of(new Requirement("umqtt.simple", null)),
					new NullProgressMonitor());
		}
	}

	private void bundle() throws Exception {
		Path site = temp.resolve("site");
		TestBundles.latest(TestBundles.adafruit(site, TestBundles.TAG, 9), TestBundles.TAG);
		try (ReleaseServer server = new ReleaseServer(site)) {
			drive.bootOut("9.2.1 on 2024-11-20", "Adafruit Feather ESP32-S2 with ESP32S2", "adafruit_feather_esp32s2");
			BundleLibraries libraries = new BundleLibraries(new HttpFetcher(temp.resolve("cache-bundle")),
					new CircuitPyFlasher(drive.locator()), List.of(BundleSource.adafruit(server.url("adafruit/releases")),
							BundleSource.community(server.url("community/releases"))));
			List<Requirement> minimqtt = List.of(new Requirement("adafruit_minimqtt", null));
			long t0 = System.nanoTime();
			BundleInstallResult first = libraries.install(drive.root(), minimqtt, new NullProgressMonitor());
			long t1 = System.nanoTime();
			BundleInstallResult again = libraries.install(drive.root(), minimqtt, new NullProgressMonitor());
			long t2 = System.nanoTime();
			figures.add(String.format("libraries.bundle.first.seconds=%.3f (%d modules)", (t1 - t0) / 1e9,
					first.installed().size()));
			figures.add(String.format("libraries.bundle.noop.seconds=%.3f (%d unchanged)", (t2 - t1) / 1e9,
					again.unchanged().size()));
		}
	}

	private static double seconds(Duration time) {
		return time.toNanos() / 1e9;
	}

	private void write() throws IOException {
		String out = System.getProperty("mqttdevices.benchmark.out"); //$NON-NLS-1$
		String text = String.join("\n", figures) + "\n";
		if (out == null) {
			System.out.print(text);
		} else {
			Files.writeString(Path.of(out), text);
		}
	}
}
