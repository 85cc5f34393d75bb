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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPortException;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** jSerialComm, through our serial connection, against real MicroPython on a pseudo-terminal. */
class SimulatedBoardSerialTest {

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@Test
	void opensThePortSeesThePromptAndEvaluates() throws Exception {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			port.write("\r".getBytes(StandardCharsets.US_ASCII));
			readUntil(port, ">>> ");
			port.write("print(1+1)\r".getBytes(StandardCharsets.US_ASCII));
			String answer = readUntil(port, ">>> ");
			assertTrue(answer.contains("print(1+1)\r\n2\r\n"), answer);
		}
	}

	/**
	 * A read returns after its timeout on a quiet line whatever the port's termios say: once a read sat in read(2) for
	 * minutes on the idle simulated board (a CI run), which is what a port left at VMIN=1 does; here another program
	 * (stty) sets that after we opened the port.
	 */
	@Test
	void aReadOnAQuietLineReturnsWhateverTheTermiosSay() throws Exception {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			byte[] buffer = new byte[256];
			// a line that is quiet: the board has booted, answered with its prompt, and says nothing more
			port.write("\r".getBytes(StandardCharsets.US_ASCII));
			readUntil(port, ">>> ");
			for (int quiet = 0; quiet < 5;) {
				quiet = port.read(buffer) > 0 ? 0 : quiet + 1; // until 0.5 s without a byte
			}
			Process stty = new ProcessBuilder("stty", "-F", board.path(), "min", "1", "time", "0").inheritIO().start();
			assertEquals(0, stty.waitFor(), "stty set VMIN=1 VTIME=0");
			long start = System.nanoTime();
			int n = assertTimeoutPreemptively(java.time.Duration.ofSeconds(3), () -> port.read(buffer),
					"a read on a quiet line must come back");
			assertEquals(0, n);
			long ms = (System.nanoTime() - start) / 1_000_000;
			assertTrue(ms < 1000, "came back after " + ms + " ms");
			port.write("\r".getBytes(StandardCharsets.US_ASCII));
			readUntil(port, ">>> "); // and the port still works
		}
	}

	@Test
	void missingPortSaysItDoesNotExist() {
		SerialPortException error = assertThrows(SerialPortException.class,
				() -> SerialPorts.open(board.path() + "-missing", 115200));
		assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
	}

	@Test
	void unplugBreaksTheConnectionAndReplugKeepsTheFlash() throws Exception {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			port.write("open('kept.txt','w').write('flash survives')\r".getBytes(StandardCharsets.US_ASCII));
			readUntil(port, ">>> ");
			awaitFile("kept.txt");
			board.unplug();
			assertFalse(board.isPlugged());
			assertThrows(SerialPortException.class, () -> {
				byte[] buffer = new byte[64];
				for (int i = 0; i < 50; i++) {
					port.write("\r".getBytes(StandardCharsets.US_ASCII));
					port.read(buffer);
				}
			});
		}
		board.replug();
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			port.write("\rprint(open('kept.txt').read())\r".getBytes(StandardCharsets.US_ASCII));
			readUntil(port, "\r\nflash survives\r\n");
		}
	}

	private void awaitFile(String name) throws InterruptedException, java.io.IOException {
		for (int i = 0; i < 100 && !Files.exists(board.flashDir().resolve(name)); i++) {
			Thread.sleep(50);
		}
		assertEquals("flash survives", Files.readString(board.flashDir().resolve(name)));
	}

	/** Reads until the text read so far contains {@code expected}, at most 10 s. */
	static String readUntil(SerialConnection port, String expected) throws SerialPortException {
		ByteArrayOutputStream seen = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			int n = port.read(buffer);
			seen.write(buffer, 0, n);
			if (seen.toString(StandardCharsets.UTF_8).contains(expected)) {
				return seen.toString(StandardCharsets.UTF_8);
			}
		}
		return fail("did not see " + expected.strip() + " within 10 s; got: " + seen.toString(StandardCharsets.UTF_8));
	}
}
