/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.circuitpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.ProjectFiles;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;

/** Flash to CIRCUITPY against a CIRCUITPY folder: changed files only, atomic writes, code.py last, clear errors. */
class CircuitPyFlasherTest {

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	@Test
	void copiesChangedFilesOnlyLibIncludedAndCodePyLast() throws Exception {
		CircuitPyFlasher flasher = new CircuitPyFlasher(drive.locator());
		Path root = flasher.drive("");
		assertEquals(drive.root(), root);
		Map<String, byte[]> project = project("1");
		List<String> order = new ArrayList<>();
		SyncReport first = flashWatching(flasher, root, project, order);
		assertEquals(project.size(), first.uploaded().size());
		assertEquals("code.py", first.uploaded().get(first.uploaded().size() - 1), "code.py goes last");
		assertEquals("code.py", order.get(order.size() - 1), "the drive saw code.py last: " + order);
		assertDriveHas(project);

		SyncReport again = flasher.flash(root, project, new NullProgressMonitor());
		assertEquals(List.of(), again.uploaded());
		assertEquals(project.size(), again.skipped());

		project.put("lib/adafruit_minimqtt/adafruit_minimqtt.py", bytes("# newer library\n"));
		SyncReport changed = flasher.flash(root, project, new NullProgressMonitor());
		assertEquals(List.of("lib/adafruit_minimqtt/adafruit_minimqtt.py"), changed.uploaded());
		assertDriveHas(project);
		assertNoTemporaryFiles();
	}

	@Test
	void aTemporaryFileLeftByAnInterruptedFlashIsRemovedAndTheTargetKept() throws Exception {
		CircuitPyFlasher flasher = new CircuitPyFlasher(drive.locator());
		Map<String, byte[]> project = project("2");
		flasher.flash(drive.root(), project, new NullProgressMonitor());
		// what a board unplugged during the write of code.py leaves: the old code.py and a partial temporary file
		Files.writeString(drive.root().resolve(CircuitPyFlasher.TMP_PREFIX + "code.py"), "print('half");
		project.put("settings.toml", bytes("CIRCUITPY_WIFI_SSID = \"other\"\n"));
		flasher.flash(drive.root(), project, new NullProgressMonitor());
		assertDriveHas(project);
		assertNoTemporaryFiles();
	}

	@Test
	void cancellingStopsBetweenFilesAndLeavesNoTemporaryFile() throws Exception {
		CircuitPyFlasher flasher = new CircuitPyFlasher(drive.locator());
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		assertThrows(OperationCanceledException.class, () -> flasher.flash(drive.root(), project("3"), monitor));
		assertNoTemporaryFiles();
		assertFalse(Files.exists(drive.root().resolve("code.py")));
	}

	@Test
	void aMissingDriveSaysWhatToDo() throws Exception {
		drive.eject();
		CircuitPyFlasher flasher = new CircuitPyFlasher(drive.locator());
		IOException error = assertThrows(IOException.class, () -> flasher.drive(""));
		assertTrue(error.getMessage().contains("No CIRCUITPY drive found"), error.getMessage());
		assertTrue(error.getMessage().contains("Preferences > MQTT Devices"), error.getMessage());
		IOException overridden = assertThrows(IOException.class, () -> flasher.drive("/no/such/CIRCUITPY"));
		assertTrue(overridden.getMessage().contains("/no/such/CIRCUITPY"), overridden.getMessage());
	}

	@Test
	void aReadOnlyDriveSaysWhy() throws Exception {
		drive.mountReadOnly();
		CircuitPyFlasher flasher = new CircuitPyFlasher(drive.locator());
		IOException error = assertThrows(IOException.class, () -> flasher.drive(""));
		assertTrue(error.getMessage().contains("read-only"), error.getMessage());
		assertTrue(error.getMessage().contains("storage.remount"), error.getMessage());
	}

	@Test
	void projectFilesLeaveOutDocsTestsAndIdeFiles() throws Exception {
		Path project = Files.createTempDirectory("cp-project");
		try {
			for (String name : List.of("code.py", "settings.toml", "lib/x.py", "README.md", ".gitignore", ".project",
					".settings/io.mqttdevices.core.prefs", "tests/test_x.py", "settings.example.toml")) {
				Path file = project.resolve(name);
				Files.createDirectories(file.getParent());
				Files.writeString(file, name);
			}
			assertEquals(List.of("code.py", "lib/x.py", "settings.toml"),
					List.copyOf(ProjectFiles.collect(project, ProjectFiles.DEFAULT_EXCLUDES).keySet()));
			assertEquals(List.of("code.py", "lib/x.py", "settings.toml", "tests/test_x.py"),
					List.copyOf(ProjectFiles.collect(project, List.of(".*", "*.md", "*.example.*")).keySet()));
		} finally {
			try (Stream<Path> all = Files.walk(project)) {
				all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** Flashes while a watch service records the order in which files appear under their final names. */
	private SyncReport flashWatching(CircuitPyFlasher flasher, Path root, Map<String, byte[]> project,
			List<String> order) throws Exception {
		try (WatchService watcher = root.getFileSystem().newWatchService()) {
			root.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
			SyncReport report = flasher.flash(root, project, new NullProgressMonitor());
			WatchKey key;
			while ((key = watcher.poll(200, TimeUnit.MILLISECONDS)) != null) {
				for (WatchEvent<?> event : key.pollEvents()) {
					String name = event.context().toString();
					if (!name.startsWith(CircuitPyFlasher.TMP_PREFIX) && !order.contains(name)) {
						order.add(name);
					}
				}
				key.reset();
			}
			return report;
		}
	}

	private void assertDriveHas(Map<String, byte[]> project) throws IOException {
		for (Map.Entry<String, byte[]> file : project.entrySet()) {
			assertArrayEquals(file.getValue(), Files.readAllBytes(drive.root().resolve(file.getKey())), file.getKey());
		}
	}

	private void assertNoTemporaryFiles() throws IOException {
		try (Stream<Path> all = Files.walk(drive.root())) {
			assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".mqd-")).toList());
		}
	}

	private static Map<String, byte[]> project(String version) {
		Map<String, byte[]> files = new TreeMap<>();
		files.put("code.py", bytes("print('sensor " + version + "')\n"));
		files.put("boot.py", bytes("# boot " + version + "\n"));
		files.put("settings.toml", bytes("CIRCUITPY_WIFI_SSID = \"home\"\n"));
		files.put("lib/adafruit_minimqtt/adafruit_minimqtt.py", bytes("# library\n"));
		files.put("lib/sensor.py", bytes("VALUE = " + version + "\n"));
		return files;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
