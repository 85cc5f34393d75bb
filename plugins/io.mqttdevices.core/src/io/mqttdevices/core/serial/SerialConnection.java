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
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;

/**
 * An open serial port. Reads wait at most {@value #READ_TIMEOUT_MS} ms and return 0 bytes when nothing came, so a
 * reader thread can notice cancellation; writes wait at most {@value #WRITE_TIMEOUT_MS} ms for the device to take
 * data. A port that vanished (unplug) or stopped taking data makes reads and writes throw, never hang.
 */
public final class SerialConnection implements AutoCloseable {

	private static final int READ_TIMEOUT_MS = 100;
	private static final long READ_TIMEOUT_NANOS = READ_TIMEOUT_MS * 1_000_000L;
	/** {@link #read} looks at the port every 0.1 ms for 5 ms, then every 1 ms up to 50 ms, then every 5 ms. */
	private static final long QUICK_NANOS = 5_000_000L;
	private static final long SLOW_NANOS = 50_000_000L;
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
	 * <p>
	 * The wait is ours, not the port's: a read that waits goes by the port's termios settings (VMIN/VTIME), and once
	 * (a CI run, 2026-12-04) a read on the idle simulated board sat in read(2) for minutes instead of returning after
	 * 100 ms, hanging the test. So the port is only read when it has bytes, and a port that is gone (the ioctl fails
	 * once the device hangs up) ends the wait.
	 *
	 * @return the number of bytes read, 0 when nothing arrived in time
	 * @throws SerialPortException when the port is gone
	 */
	public int read(byte[] buffer) throws SerialPortException {
		long start = System.nanoTime();
		long waited = 0;
		while (true) {
			int available = port.bytesAvailable();
			if (available < 0) {
				throw disconnected();
			}
			if (available > 0) {
				int n = port.readBytes(buffer, Math.min(available, buffer.length));
				if (n < 0) {
					throw disconnected();
				}
				return n;
			}
			if (waited >= READ_TIMEOUT_NANOS) {
				return 0;
			}
			// short naps while a reply is due (a raw-paste acknowledgement comes within a millisecond of the write,
			// which returns once the bytes are sent), longer ones once the line has been quiet a while
			LockSupport.parkNanos(waited < QUICK_NANOS ? 100_000L : waited < SLOW_NANOS ? 1_000_000L : 5_000_000L);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				return 0;
			}
			waited = System.nanoTime() - start;
		}
	}

	private SerialPortException disconnected() {
		return new SerialPortException("Serial port " + path + " was disconnected."); //$NON-NLS-1$ //$NON-NLS-2$
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
