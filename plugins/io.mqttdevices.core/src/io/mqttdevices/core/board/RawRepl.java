/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.board;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPortException;

/**
 * MicroPython's raw REPL over a serial connection: interrupt the running program, enter the raw REPL, run code
 * with raw-paste mode and its flow control (falling back to the plain raw REPL when the board answers
 * {@code R\x00} or nothing, as CircuitPython and older firmware do), split what it prints from its traceback, and
 * go back to the friendly REPL. Every wait ends with a {@link BoardException} after the timeout of silence, or
 * after {@value #HARD_LIMIT_FACTOR} times the timeout when the board talks but never says what is expected.
 */
public final class RawRepl {

	/** What the user can do when the board is out of step with the protocol. */
	static final String RESET = " Press the board's reset button (or unplug it and plug it in again) and try again."; //$NON-NLS-1$

	private static final byte CTRL_A = 0x01;
	private static final byte CTRL_B = 0x02;
	private static final byte CTRL_C = 0x03;
	private static final byte CTRL_D = 0x04;
	private static final byte[] RAW_PASTE_REQUEST = { 0x05, 'A', 0x01 };
	private static final String BANNER_END = "raw REPL; CTRL-B to exit\r\n>"; //$NON-NLS-1$
	private static final int HARD_LIMIT_FACTOR = 6;
	private static final int PLAIN_CHUNK = 256;
	private static final int PLAIN_PAUSE_MS = 10;
	private static final int SHOWN_GARBAGE = 80;

	private final SerialConnection port;
	private final Duration timeout;
	private final byte[] readBuffer = new byte[4096];
	private int readPos;
	private int readEnd;
	/** null until the first exec found out. */
	private Boolean rawPaste;
	private boolean inRawRepl;

	/**
	 * @param timeout the longest silence tolerated while the board should answer
	 */
	public RawRepl(SerialConnection port, Duration timeout) {
		this.port = port;
		this.timeout = timeout;
	}

	public SerialConnection port() {
		return port;
	}

	/** Whether the board takes raw-paste mode; null before the first {@link #exec}. */
	public Boolean usesRawPaste() {
		return rawPaste;
	}

	/** Stops the running program (Ctrl-C) and enters the raw REPL. */
	public void enter() throws SerialPortException, BoardException {
		// Enter wakes CircuitPython's "press any key"; two Ctrl-C stop a program even inside a try/except.
		port.write(new byte[] { '\r', CTRL_C, CTRL_C });
		drain(Duration.ofMillis(150));
		port.write(new byte[] { CTRL_A });
		try {
			skipUntil(BANNER_END, "entering the raw REPL"); //$NON-NLS-1$
		} catch (BoardException first) {
			// A board that was busy printing may have eaten the Ctrl-A: try once more.
			port.write(new byte[] { '\r', CTRL_C, CTRL_A });
			skipUntil(BANNER_END, "entering the raw REPL"); //$NON-NLS-1$
		}
		inRawRepl = true;
	}

	/** Leaves the raw REPL for the friendly REPL (Ctrl-B). Does nothing when not in the raw REPL. */
	public void exit() throws SerialPortException {
		if (inRawRepl) {
			inRawRepl = false;
			port.write(new byte[] { '\r', CTRL_B });
		}
	}

	/**
	 * Leaves the raw REPL and soft-resets the board from the friendly REPL, so it runs its {@code boot.py} and
	 * {@code main.py} (or {@code code.py}) as after power-up.
	 */
	public void softResetAndRun() throws SerialPortException {
		exit();
		port.write(new byte[] { CTRL_D });
	}

	/** Runs code and returns what it printed; a traceback is in the result, not thrown. */
	public ExecResult exec(String code) throws SerialPortException, BoardException {
		return exec(code.getBytes(StandardCharsets.UTF_8));
	}

	/** Runs code (Python source bytes) and returns what it printed; a traceback is in the result, not thrown. */
	public ExecResult exec(byte[] code) throws SerialPortException, BoardException {
		if (!inRawRepl) {
			throw new BoardException("Not in the raw REPL."); //$NON-NLS-1$
		}
		if (!Boolean.FALSE.equals(rawPaste) && tryRawPaste(code)) {
			rawPaste = Boolean.TRUE;
		} else {
			rawPaste = Boolean.FALSE;
			writePlain(code);
		}
		String output = readUntil("\u0004", "reading the output"); //$NON-NLS-1$ //$NON-NLS-2$
		String error = readUntil("\u0004", "reading the error"); //$NON-NLS-1$ //$NON-NLS-2$
		skipUntil(">", "waiting for the raw REPL prompt"); //$NON-NLS-1$ //$NON-NLS-2$
		return new ExecResult(strip(output, 1), strip(error, 1));
	}

	/**
	 * Starts code without waiting for it to end, for programs that run a long time: read what it prints with
	 * {@link #readRunning}, stop it with {@link #interrupt}. Its output ends with Ctrl-D, its traceback with another.
	 */
	public void start(String code) throws SerialPortException, BoardException {
		byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
		if (!inRawRepl) {
			throw new BoardException("Not in the raw REPL."); //$NON-NLS-1$
		}
		if (!Boolean.FALSE.equals(rawPaste) && tryRawPaste(bytes)) {
			rawPaste = Boolean.TRUE;
		} else {
			rawPaste = Boolean.FALSE;
			writePlain(bytes);
		}
	}

	/**
	 * What a started program or a reset board printed since the last call: bytes already buffered first, else what
	 * the port has, waiting up to the port's read timeout.
	 *
	 * @return the number of bytes, 0 when nothing came
	 */
	public int readRunning(byte[] buffer) throws SerialPortException {
		if (readPos < readEnd) {
			int n = Math.min(buffer.length, readEnd - readPos);
			System.arraycopy(readBuffer, readPos, buffer, 0, n);
			readPos += n;
			return n;
		}
		return port.read(buffer);
	}

	/** Waits for the raw REPL's prompt after a started command has ended (its second Ctrl-D was read). */
	public void awaitPrompt() throws SerialPortException, BoardException {
		skipUntil(">", "waiting for the raw REPL prompt"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Stops the running program (Ctrl-C twice), e.g. when the user presses Stop. */
	public void interrupt() throws SerialPortException {
		port.write(new byte[] { CTRL_C, CTRL_C });
	}

	/** Sends input to the running program, as typed. */
	public void send(byte[] input) throws SerialPortException {
		port.write(input);
	}

	/** Runs code and returns its output, or throws with the traceback's last line. */
	public String execOrThrow(String code) throws SerialPortException, BoardException {
		ExecResult result = exec(code);
		if (result.failed()) {
			throw new BoardException("The board reported " + result.errorSummary()); //$NON-NLS-1$
		}
		return result.output();
	}

	private boolean tryRawPaste(byte[] code) throws SerialPortException, BoardException {
		port.write(RAW_PASTE_REQUEST);
		int first = readByte(rawPaste == null ? Duration.ofMillis(1500) : timeout, true);
		if (first == 'R') {
			int supported = readByte(timeout, false);
			if (supported == 1) {
				writeRawPaste(code);
				return true;
			}
			// "R\x00": understood, not supported; the raw REPL goes on
			return false;
		}
		// Silence or an echo of the request: firmware without raw-paste re-prints the banner at the Ctrl-A
		if (first >= 0) {
			readPos--;
		}
		skipUntil(BANNER_END, "falling back to the plain raw REPL"); //$NON-NLS-1$
		return false;
	}

	private void writeRawPaste(byte[] code) throws SerialPortException, BoardException {
		int window = readByte(timeout, false) | readByte(timeout, false) << 8;
		int remain = window;
		int offset = 0;
		while (offset < code.length) {
			while (remain == 0 || available() > 0) {
				int b = readByte(timeout, false);
				if (b == 0x01) {
					remain += window;
				} else if (b == CTRL_D) {
					// the board ended the transfer early (e.g. out of memory)
					port.write(new byte[] { CTRL_D });
					throw new BoardException("The board stopped taking a command early (it may be out of memory): " //$NON-NLS-1$
							+ garbage() + RESET);
				} else {
					throw new BoardException(String.format("The board on %s sent byte 0x%02x in the middle of a command, out of step" //$NON-NLS-1$
							+ " with MicroPython's raw-paste mode.%s", port.path(), b, RESET)); //$NON-NLS-1$
				}
			}
			int n = Math.min(remain, code.length - offset);
			byte[] part = new byte[n];
			System.arraycopy(code, offset, part, 0, n);
			port.write(part);
			offset += n;
			remain -= n;
		}
		port.write(new byte[] { CTRL_D });
		// the board acknowledges the end of the data with Ctrl-D; window acknowledgements may come before it
		while (true) {
			int b = readByte(timeout, false);
			if (b == CTRL_D) {
				return;
			}
			if (b != 0x01) {
				throw new BoardException(String.format("The board on %s sent byte 0x%02x after a command instead of taking it," //$NON-NLS-1$
						+ " out of step with MicroPython's raw-paste mode.%s", port.path(), b, RESET)); //$NON-NLS-1$
			}
		}
	}

	private void writePlain(byte[] code) throws SerialPortException, BoardException {
		for (int offset = 0; offset < code.length; offset += PLAIN_CHUNK) {
			int n = Math.min(PLAIN_CHUNK, code.length - offset);
			byte[] part = new byte[n];
			System.arraycopy(code, offset, part, 0, n);
			port.write(part);
			pause(PLAIN_PAUSE_MS);
		}
		port.write(new byte[] { CTRL_D });
		// after "R\x00" some firmware prints a prompt first: skip to "OK"
		skipUntil("OK", "sending code to the raw REPL"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	// ---------------------------------------------------------------- reading

	private int available() {
		return readEnd - readPos + port.available();
	}

	/** Reads what arrives until {@code wait} of silence, and forgets it. */
	private void drain(Duration wait) throws SerialPortException {
		readPos = readEnd = 0;
		long quietSince = System.nanoTime();
		long hardEnd = quietSince + timeout.toNanos();
		while (System.nanoTime() - quietSince < wait.toNanos() && System.nanoTime() < hardEnd) {
			if (port.read(readBuffer) > 0) {
				quietSince = System.nanoTime();
			}
		}
	}

	/**
	 * The next byte, or -1 after {@code wait} of silence when {@code orNothing}.
	 *
	 * @throws BoardException after {@code wait} of silence unless {@code orNothing}
	 */
	private int readByte(Duration wait, boolean orNothing) throws SerialPortException, BoardException {
		if (readPos == readEnd) {
			long end = System.nanoTime() + wait.toNanos();
			int n = 0;
			while (n == 0) {
				if (System.nanoTime() > end) {
					if (orNothing) {
						return -1;
					}
					throw new BoardException("The board on " + port.path() + " stopped answering (nothing for " //$NON-NLS-1$ //$NON-NLS-2$
							+ wait.toMillis() / 1000.0 + " s). Is it a MicroPython board, and is the baud rate right?"); //$NON-NLS-1$
				}
				n = port.read(readBuffer);
			}
			readPos = 0;
			readEnd = n;
		}
		return readBuffer[readPos++] & 0xff;
	}

	/** Reads until {@code marker}; returns everything read, the marker included. */
	private String readUntil(String marker, String doing) throws SerialPortException, BoardException {
		return waitFor(marker, doing, new Received(Integer.MAX_VALUE)).toString(StandardCharsets.UTF_8);
	}

	/**
	 * Reads until {@code marker}, keeping of what came before it only the end an error shows: a device that floods
	 * the port while we wait (a native-USB board printing, a GPS module on the wrong port) costs no memory.
	 */
	private void skipUntil(String marker, String doing) throws SerialPortException, BoardException {
		waitFor(marker, doing, new Received(SHOWN_GARBAGE + marker.length()));
	}

	private Received waitFor(String marker, String doing, Received seen) throws SerialPortException, BoardException {
		long hardEnd = System.nanoTime() + timeout.toNanos() * HARD_LIMIT_FACTOR;
		byte[] expected = marker.getBytes(StandardCharsets.ISO_8859_1);
		while (true) {
			int b;
			try {
				b = readByte(timeout, false);
			} catch (BoardException e) {
				throw new BoardException(e.getMessage() + " Seen while " + doing + ": " + shown(seen), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			seen.write(b);
			if (seen.endsWith(expected)) {
				return seen;
			}
			if (System.nanoTime() > hardEnd) {
				throw new BoardException("The device on " + port.path() + " does not answer like a MicroPython board " //$NON-NLS-1$ //$NON-NLS-2$
						+ "while " + doing + "; it sent: " + shown(seen)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	private String garbage() throws SerialPortException {
		StringBuilder text = new StringBuilder();
		while (readPos < readEnd) {
			text.append((char) (readBuffer[readPos++] & 0xff));
		}
		return text.toString();
	}

	/** What a wait has read so far: all of it, or its last {@code keep} bytes at least. */
	private static final class Received extends ByteArrayOutputStream {

		private final int keep;

		Received(int keep) {
			this.keep = keep;
		}

		@Override
		public synchronized void write(int b) {
			if (count >= 2L * keep) {
				System.arraycopy(buf, count - keep, buf, 0, keep);
				count = keep;
			}
			super.write(b);
		}

		boolean endsWith(byte[] expected) {
			if (count < expected.length) {
				return false;
			}
			for (int i = 0; i < expected.length; i++) {
				if (buf[count - expected.length + i] != expected[i]) {
					return false;
				}
			}
			return true;
		}

		/** The last {@code n} bytes read (fewer if fewer came), without copying the rest. */
		synchronized byte[] tail(int n) {
			return Arrays.copyOfRange(buf, Math.max(0, count - n), count);
		}
	}

	private static String shown(Received seen) {
		if (seen.size() == 0) {
			return "nothing"; //$NON-NLS-1$
		}
		byte[] tail = seen.tail(SHOWN_GARBAGE);
		StringBuilder text = new StringBuilder("'"); //$NON-NLS-1$
		for (byte b : tail) {
			int c = b & 0xff;
			text.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\x%02x", c)); //$NON-NLS-1$
		}
		return text.append('\'').toString();
	}

	private static String strip(String text, int tail) {
		return text.substring(0, text.length() - tail);
	}

	private static void pause(int millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
