/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.serial;

/**
 * Names of the USB serial devices boards show up as, from their vendor and product ids. Only for naming: a port
 * whose ids are not here is still offered.
 */
final class UsbDevices {

	private static final int ANY = -1;

	/** A known device: vendor, product (or {@link #ANY}), its name, and whether DTR/RTS resets the board. */
	private record Device(int vendor, int product, String name, boolean resetLines) {
	}

	private static final Device[] DEVICES = {
			// Espressif: the USB serial/JTAG of ESP32-C3/C6/S3 drives EN and GPIO0 like a bridge; native CDC does not
			new Device(0x303a, 0x1001, "Espressif USB serial/JTAG (ESP32-C3/C6/S3)", true), //$NON-NLS-1$
			new Device(0x303a, ANY, "Espressif board (native USB)", false), //$NON-NLS-1$
			// Raspberry Pi RP2040 / RP2350
			new Device(0x2e8a, 0x0005, "Raspberry Pi RP2040/RP2350 (MicroPython)", false), //$NON-NLS-1$
			new Device(0x2e8a, 0x000a, "Raspberry Pi RP2040 (Pico SDK serial)", false), //$NON-NLS-1$
			new Device(0x2e8a, ANY, "Raspberry Pi RP2040/RP2350 board", false), //$NON-NLS-1$
			// Adafruit and other CircuitPython makers (native USB)
			new Device(0x239a, ANY, "Adafruit board (CircuitPython)", false), //$NON-NLS-1$
			new Device(0x1b4f, ANY, "SparkFun board", false), //$NON-NLS-1$
			new Device(0x2886, ANY, "Seeed Studio board", false), //$NON-NLS-1$
			new Device(0x2341, ANY, "Arduino board", false), //$NON-NLS-1$
			new Device(0x0d28, 0x0204, "Arm DAPLink (BBC micro:bit)", false), //$NON-NLS-1$
			// USB-UART bridges on ESP8266/ESP32 boards: DTR/RTS are wired to GPIO0/EN
			new Device(0x10c4, 0xea60, "Silicon Labs CP210x USB-UART", true), //$NON-NLS-1$
			new Device(0x10c4, ANY, "Silicon Labs USB-UART", true), //$NON-NLS-1$
			new Device(0x1a86, 0x7523, "WCH CH340 USB-serial", true), //$NON-NLS-1$
			new Device(0x1a86, 0x7522, "WCH CH340K USB-serial", true), //$NON-NLS-1$
			new Device(0x1a86, 0x55d4, "WCH CH9102 USB-serial", true), //$NON-NLS-1$
			new Device(0x1a86, 0x55d3, "WCH CH343 USB-serial", true), //$NON-NLS-1$
			new Device(0x1a86, ANY, "WCH USB-serial", true), //$NON-NLS-1$
			new Device(0x0403, 0x6001, "FTDI FT232R USB-UART", true), //$NON-NLS-1$
			new Device(0x0403, 0x6010, "FTDI FT2232 USB-UART", true), //$NON-NLS-1$
			new Device(0x0403, 0x6014, "FTDI FT232H USB-UART", true), //$NON-NLS-1$
			new Device(0x0403, 0x6015, "FTDI FT231X USB-UART", true), //$NON-NLS-1$
			new Device(0x0403, ANY, "FTDI USB-UART", true), //$NON-NLS-1$
			new Device(0x067b, 0x2303, "Prolific PL2303 USB-serial", true), //$NON-NLS-1$
	};

	private UsbDevices() {
	}

	/** The device's name, or null when neither its product nor its vendor is known. */
	static String name(int vendor, int product) {
		Device device = find(vendor, product);
		return device != null ? device.name() : null;
	}

	static boolean resetsByDtrRts(int vendor, int product) {
		Device device = find(vendor, product);
		return device != null && device.resetLines();
	}

	private static Device find(int vendor, int product) {
		for (Device device : DEVICES) {
			if (device.vendor() == vendor && (device.product() == product || device.product() == ANY)) {
				return device;
			}
		}
		return null;
	}
}
