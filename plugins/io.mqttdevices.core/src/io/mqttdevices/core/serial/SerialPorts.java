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

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * The serial ports of this machine, through jSerialComm. Pseudo-terminals are not listed by the system but can
 * be opened by path.
 */
public final class SerialPorts {

	private SerialPorts() {
	}

	/** Every port the system lists, in its order. */
	public static List<SerialPortInfo> list() {
		return Arrays.stream(SerialPort.getCommPorts()).map(SerialPorts::info).toList();
	}

	/** The listed port with this path, if the system lists it (pseudo-terminals are not listed). */
	public static Optional<SerialPortInfo> find(String path) {
		if (path == null) {
			return Optional.empty();
		}
		String wanted = path.strip();
		return list().stream().filter(info -> wanted.equals(info.path())).findFirst();
	}

	/**
	 * Opens a port without pulsing DTR or RTS, so a running board is not reset.
	 *
	 * @throws SerialPortException when the port does not exist or cannot be opened (busy, no permission)
	 */
	public static SerialConnection open(String path, int baudRate) throws SerialPortException {
		if (path == null || path.isBlank()) {
			throw new SerialPortException("No serial port given."); //$NON-NLS-1$
		}
		if (baudRate <= 0) {
			throw new SerialPortException("Invalid baud rate " + baudRate + " for " + path + "."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		SerialPort port;
		try {
			port = SerialPort.getCommPort(path);
		} catch (SerialPortInvalidPortException e) {
			throw new SerialPortException("Serial port " + path + " does not exist.", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
		port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
		// Before opening, these set the line state the port opens with: both low keeps ESP boards running.
		port.clearDTR();
		port.clearRTS();
		if (!port.openPort(0)) {
			throw new SerialPortException("Cannot open serial port " + path //$NON-NLS-1$
					+ ": it is in use by another program or you lack permission (error " //$NON-NLS-1$
					+ port.getLastErrorCode() + ")."); //$NON-NLS-1$
		}
		return new SerialConnection(port, path);
	}

	private static SerialPortInfo info(SerialPort port) {
		return new SerialPortInfo(port.getSystemPortPath(), port.getPortDescription(), port.getVendorID(),
				port.getProductID());
	}
}
