/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.circuitpy.DriveLocator;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;

/** Finding the CIRCUITPY drive by its label, in the mount table, and by an explicit path. */
class DriveLocatorTest {

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	@TempDir
	Path temp;

	@Test
	void findsTheDriveByItsLabelUnderAMountRoot() {
		assertEquals(Optional.of(drive.root()), drive.locator().locate(""));
	}

	@Test
	void findsNothingOnceTheDriveIsEjected() throws Exception {
		drive.eject();
		assertEquals(Optional.empty(), drive.locator().locate(null));
	}

	@Test
	void findsADriveMountedElsewhereThroughTheMountTable() throws Exception {
		Path mountPoint = Files.createDirectories(temp.resolve("mnt/usb stick/CIRCUITPY"));
		Path table = Files.writeString(temp.resolve("mounts"), "sysfs /sys sysfs rw 0 0\n/dev/sdb1 "
				+ mountPoint.toString().replace(" ", "\\040") + " vfat rw,nosuid 0 0\n");
		DriveLocator locator = new DriveLocator(table, List.of(temp.resolve("nothing-here")));
		assertEquals(Optional.of(mountPoint), locator.locate(""));
	}

	@Test
	void explicitPathWinsAndMustExist() throws Exception {
		Path elsewhere = Files.createDirectories(temp.resolve("MYBOARD"));
		assertEquals(Optional.of(elsewhere), drive.locator().locate(elsewhere.toString()));
		assertTrue(drive.locator().locate(temp.resolve("absent").toString()).isEmpty());
	}
}
