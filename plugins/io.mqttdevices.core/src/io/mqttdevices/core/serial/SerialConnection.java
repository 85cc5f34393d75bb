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

import java.io.IOException;
import java.util.Arrays;

import com.fazecast.jSerialComm.SerialPort;

/**
 * An open serial port. Reads wait at most {@value #READ_TIMEOUT_MS} ms and return 0 bytes when nothing came, so a
 * reader thread can notice cancellation; writes wait at most {@value #WRITE_TIMEOUT_MS} ms for the device to take
 * data. A port that vanished (unplug) or stopped taking data makes reads and writes throw, never hang.
 */
public final class SerialConnection implements AutoCloseable {

	private static final int READ_TIMEOUT_MS = 100;
	private static final int WRITE_TIMEOUT_MS = 3000;
	private static final int RESET_PULSE_MS = 100;

	private final SerialPort port;
	private final String path;

	SerialConnection(SerialPort port, String path) {
		this.port = port;
		this.path = path;
		port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
				READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
	}

	public String path() {
		return path;
	}

	public boolean isOpen() {
		return port.isOpen();
	}

	/**
	 * Reads what is available, waiting up to the read timeout for the first byte.
	 *
	 * @return the number of bytes read, 0 when nothing arrived in time
	 * @throws SerialPortException when the port is gone
	 */
	public int read(byte[] buffer) throws SerialPortException {
		int n = port.readBytes(buffer, buffer.length);
		if (n < 0) {
			throw new SerialPortException("Serial port " + path + " was disconnected."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return n;
	}

	/** How many received bytes wait to be read, without waiting; 0 when none (or the port is gone). */
	public int available() {
		return Math.max(0, port.bytesAvailable());
	}

	/** Writes all bytes, or throws when the port is gone or took nothing for the write timeout. */
	public void write(byte[] data) throws SerialPortException {
		int offset = 0;
		while (offset < data.length) {
			byte[] rest = offset == 0 ? data : Arrays.copyOfRange(data, offset, data.length);
			int n = port.writeBytes(rest, rest.length);
			if (n < 0) {
				throw new SerialPortException("Serial port " + path + " was disconnected."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (n == 0) {
				throw new SerialPortException("Serial port " + path + " took no data for " + WRITE_TIMEOUT_MS //$NON-NLS-1$ //$NON-NLS-2$
						+ " ms: is the device still connected?"); //$NON-NLS-1$
			}
			offset += n;
		}
	}

	/**
	 * Pulses the reset line the way USB-UART bridges on ESP boards are wired (RTS drives EN, DTR drives GPIO0): EN
	 * low for 100 ms with GPIO0 high, so the board restarts into its program, not its bootloader.
	 *
	 * @return false when the port has no modem lines to drive (pseudo-terminals, some native USB ports)
	 */
	public boolean pulseReset() throws InterruptedException {
		if (!port.clearDTR() || !port.setRTS()) {
			port.clearRTS();
			return false;
		}
		Thread.sleep(RESET_PULSE_MS);
		return port.clearRTS();
	}

	@Override
	public void close() throws IOException {
		port.closePort();
	}
}
