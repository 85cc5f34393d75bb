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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.serial.SerialPortInfo;

/** Ports are named from their USB ids when known, and listed anyway when not. */
class SerialPortInfoTest {

	@Test
	void knownBridgesAndBoardsAreNamedAndKeepTheirPath() {
		assertEquals("Silicon Labs CP210x USB-UART \u2014 /dev/ttyUSB0",
				new SerialPortInfo("/dev/ttyUSB0", "CP2102 USB to UART Bridge", 0x10c4, 0xea60).displayName());
		assertEquals("WCH CH340 USB-serial \u2014 /dev/ttyUSB1",
				new SerialPortInfo("/dev/ttyUSB1", "USB Serial", 0x1a86, 0x7523).displayName());
		assertEquals("WCH CH9102 USB-serial \u2014 COM7",
				new SerialPortInfo("COM7", "USB-Enhanced-SERIAL CH9102", 0x1a86, 0x55d4).displayName());
		assertTrue(new SerialPortInfo("/dev/ttyACM0", "", 0x303a, 0x1001).displayName().startsWith("Espressif"));
		assertTrue(new SerialPortInfo("/dev/ttyACM0", "", 0x2e8a, 0x0005).displayName()
				.startsWith("Raspberry Pi RP2040/RP2350"));
		assertTrue(new SerialPortInfo("/dev/ttyACM1", "", 0x239a, 0x80f4).displayName().startsWith("Adafruit"));
		assertTrue(new SerialPortInfo("/dev/ttyUSB2", "", 0x0403, 0x6001).displayName().startsWith("FTDI"));
	}

	@Test
	void unknownDevicesAreListedWithWhatTheSystemSaysAndTheirIds() {
		assertEquals("Gizmo 3000 [1234:abcd] \u2014 /dev/ttyACM3",
				new SerialPortInfo("/dev/ttyACM3", "Gizmo 3000", 0x1234, 0xabcd).displayName());
		assertEquals("USB device [1234:0001] \u2014 /dev/ttyACM4",
				new SerialPortInfo("/dev/ttyACM4", " ", 0x1234, 0x0001).displayName());
		assertEquals("Physical Port S0 \u2014 /dev/ttyS0",
				new SerialPortInfo("/dev/ttyS0", "Physical Port S0", -1, -1).displayName());
		assertEquals("/dev/ttyS1", new SerialPortInfo("/dev/ttyS1", "", -1, -1).displayName());
	}

	@Test
	void onlyAdaptersWiredToEnResetByDtrRts() {
		assertTrue(new SerialPortInfo("/dev/ttyUSB0", "", 0x10c4, 0xea60).resetsByDtrRts());
		assertTrue(new SerialPortInfo("/dev/ttyACM0", "", 0x303a, 0x1001).resetsByDtrRts());
		assertFalse(new SerialPortInfo("/dev/ttyACM0", "", 0x2e8a, 0x0005).resetsByDtrRts());
		assertFalse(new SerialPortInfo("/dev/ttyACM0", "", 0x239a, 0x8000).resetsByDtrRts());
		assertFalse(new SerialPortInfo("/dev/pts/3", "", -1, -1).resetsByDtrRts());
	}
}
