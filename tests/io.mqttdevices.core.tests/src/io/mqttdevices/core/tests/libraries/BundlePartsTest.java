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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.libraries.bundle.BootOut;
import io.mqttdevices.core.libraries.bundle.BundleSource;
import io.mqttdevices.core.libraries.bundle.ModuleVersions;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.tests.fixtures.TestBundles;

/** boot_out.txt, the bundle URLs and __version__ reading, each on its own. */
class BundlePartsTest {

	@Test
	void bootOutGivesVersionMajorAndBoard() {
		BootOut board = BootOut.parse("Adafruit CircuitPython 9.2.1 on 2024-11-20; Adafruit Feather ESP32-S2 with "
				+ "ESP32S2\r\nBoard ID:adafruit_feather_esp32s2\r\nUID:C7FD1A2B3C4D\r\n").orElseThrow();
		assertEquals(new BootOut("9.2.1", 9, "Adafruit Feather ESP32-S2 with ESP32S2", "adafruit_feather_esp32s2"), board);
		assertEquals(10, BootOut.parse("Adafruit CircuitPython 10.0.0-beta.2 on 2025-07-30; Raspberry Pi Pico W with "
				+ "rp2040\nBoard ID:raspberry_pi_pico_w\n").orElseThrow().major());
		assertEquals("10.0.0-beta.2", BootOut.parse("Adafruit CircuitPython 10.0.0-beta.2 on 2025-07-30; x")
				.orElseThrow().version());
		assertEquals(Optional.empty(), BootOut.parse("MicroPython v1.24.1 on 2024-11-29; ESP32 module\n"));
		assertEquals(Optional.empty(), BootOut.parse(""));
	}

	@Test
	void theDefaultsAreGitHubsReleasesAndTheirAssetNamesAreCircups() {
		BundleSource adafruit = BundleSource.adafruit(CorePreferences.adafruitBundleUrl());
		assertEquals(URI.create("https://github.com/adafruit/Adafruit_CircuitPython_Bundle/releases/download/20241128/"
				+ "adafruit-circuitpython-bundle-9.x-mpy-20241128.zip"), adafruit.zip("20241128", 9));
		assertEquals(URI.create("https://github.com/adafruit/Adafruit_CircuitPython_Bundle/releases/download/20241128/"
				+ "adafruit-circuitpython-bundle-20241128.json"), adafruit.metadata("20241128"));
		assertEquals(URI.create("https://api.github.com/repos/adafruit/Adafruit_CircuitPython_Bundle/releases/latest"),
				adafruit.latest());
		BundleSource community = BundleSource.community(CorePreferences.communityBundleUrl());
		assertEquals(URI.create("https://github.com/adafruit/CircuitPython_Community_Bundle/releases/download/20241127/"
				+ "circuitpython-community-bundle-10.x-mpy-20241127.zip"), community.zip("20241127", 10));
		BundleSource mirror = BundleSource.adafruit("http://127.0.0.1:8080/mirror/adafruit/releases/");
		assertEquals(URI.create("http://127.0.0.1:8080/mirror/adafruit/releases/latest.json"), mirror.latest());
		assertEquals("adafruit-circuitpython-bundle-9.x-mpy-20241128", mirror.folderName("20241128", 9));
	}

	@Test
	void versionsAreReadAsCircupReadsThem() throws Exception {
		// the published source carries the placeholder the bundle build replaces
		assertEquals("0.0.0+auto.0", ModuleVersions.of("adafruit_ticks.py",
				Files.readAllBytes(TestBundles.DEVICE_LIBS.resolve("adafruit_ticks.py"))));
		assertEquals("7.10.3", ModuleVersions.of("x.py", TestBundles.text("# x\n__version__ : str = '7.10.3'\n")));
		assertEquals("1.1.1", ModuleVersions.of("adafruit_ticks.mpy", BundleLibrariesTest.mpyDeclaring("1.1.1")));
		assertNull(ModuleVersions.of("old.mpy", TestBundles.text("M\u0003__version__")), "format 3 is not read");
		assertNull(ModuleVersions.of("x.py", TestBundles.text("print('no version')\n")));
		assertTrue(Files.isDirectory(TestBundles.DEVICE_LIBS), TestBundles.DEVICE_LIBS.toString());
	}
}
