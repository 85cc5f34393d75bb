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
}
