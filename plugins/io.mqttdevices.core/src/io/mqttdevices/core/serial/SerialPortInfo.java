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
 * A serial port as the system lists it.
 *
 * @param path        the system path, e.g. {@code /dev/ttyUSB0} or {@code COM3}
 * @param description what the system says the device is, may be empty
 * @param vendorId    USB vendor id, or -1 when the port is not a USB device
 * @param productId   USB product id, or -1 when the port is not a USB device
 */
public record SerialPortInfo(String path, String description, int vendorId, int productId) {

	public boolean isUsb() {
		return vendorId >= 0;
	}

	/**
	 * How the user knows the port: the board or adapter named from its USB ids when known (Espressif, Raspberry Pi,
	 * Adafruit, CP210x, CH340, FTDI, ...), else what the system says, then the path. Unknown devices are listed too.
	 */
	public String displayName() {
		String known = isUsb() ? UsbDevices.name(vendorId, productId) : null;
		String what = known != null ? known : description == null ? "" : description.strip(); //$NON-NLS-1$
		if (known == null && isUsb()) {
			what = (what.isEmpty() ? "USB device" : what) //$NON-NLS-1$
					+ String.format(" [%04x:%04x]", vendorId, productId); //$NON-NLS-1$
		}
		return what.isEmpty() || what.equals(path) ? path : what + " — " + path; //$NON-NLS-1$
	}

	/** Whether a DTR/RTS pulse resets the board: USB-UART bridges wired to EN, and Espressif's USB serial/JTAG. */
	public boolean resetsByDtrRts() {
		return isUsb() && UsbDevices.resetsByDtrRts(vendorId, productId);
	}
}
