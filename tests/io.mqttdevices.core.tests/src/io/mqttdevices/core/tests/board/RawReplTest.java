/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.BoardException;
import io.mqttdevices.core.board.ExecResult;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.OddDevice;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** The raw REPL engine against real MicroPython, a board without raw-paste, and devices that are not boards. */
class RawReplTest {

	private static final Duration SHORT = Duration.ofSeconds(1);

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@Test
	void runsCodeWithRawPasteSplitsOutputFromTracebackAndLeavesTheFriendlyRepl() throws Exception {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			RawRepl repl = new RawRepl(port, FileSyncTest.TIMEOUT);
			repl.enter();
			// a command longer than two raw-paste windows (512 bytes each): the flow control must be obeyed
			String big = "x = " + "1 + ".repeat(400) + "1\nprint('sum', x)\n";
			ExecResult result = repl.exec(big);
			assertEquals("sum 401\r\n", result.output());
			assertFalse(result.failed(), result.error());
			assertEquals(Boolean.TRUE, repl.usesRawPaste());

			ExecResult failed = repl.exec("print('before')\nopen('/no/such/file')\n");
			assertEquals("before\r\n", failed.output());
			assertTrue(failed.failed());
			assertTrue(failed.error().startsWith("Traceback"), failed.error());
			assertTrue(failed.errorSummary().startsWith("OSError"), failed.errorSummary());
			assertEquals("401\r\n", repl.exec("print(x)").output(), "globals live on between commands");

			repl.exit();
			port.write("print(6*7)\r".getBytes(StandardCharsets.US_ASCII));
			String friendly = readUntil(port, "42\r\n>>> ");
			assertTrue(friendly.contains(">>> "), friendly);
		}
	}

	@Test
	void fallsBackToThePlainRawReplWhenTheBoardRefusesRawPaste() throws Exception {
		board.unplug();
		SimulatedBoard old = SimulatedBoard.create().withoutRawPaste();
		try {
			old.beforeEach(null);
			try (SerialConnection port = SerialPorts.open(old.path(), 115200)) {
				RawRepl repl = new RawRepl(port, FileSyncTest.TIMEOUT);
				repl.enter();
				String big = "x = " + "2 + ".repeat(400) + "2\nprint(x)\n";
				assertEquals("802\r\n", repl.exec(big).output());
				assertEquals(Boolean.FALSE, repl.usesRawPaste());
				assertEquals("3\r\n", repl.exec("print(1+2)").output());
			}
		} finally {
			old.afterEach(null);
		}
	}

	@Test
	void aSilentDeviceGivesAClearErrorWithinTheTimeout() throws Exception {
		OddDevice device = OddDevice.silent();
		device.beforeEach(null);
		try (SerialConnection port = SerialPorts.open(device.path(), 115200)) {
			long start = System.nanoTime();
			BoardException error = assertThrows(BoardException.class, () -> new RawRepl(port, SHORT).enter());
			long seconds = (System.nanoTime() - start) / 1_000_000_000L;
			assertTrue(seconds < 10, "gave up after " + seconds + " s");
			assertTrue(error.getMessage().contains("stopped answering"), error.getMessage());
			assertTrue(error.getMessage().contains("nothing"), error.getMessage());
		} finally {
			device.afterEach(null);
		}
	}

	@Test
	void aDeviceSendingGarbageGivesAClearErrorWithinTheTimeout() throws Exception {
		OddDevice device = OddDevice.garbage();
		device.beforeEach(null);
		try (SerialConnection port = SerialPorts.open(device.path(), 115200)) {
			long start = System.nanoTime();
			BoardException error = assertThrows(BoardException.class, () -> new RawRepl(port, SHORT).enter());
			long seconds = (System.nanoTime() - start) / 1_000_000_000L;
			assertTrue(seconds < 15, "gave up after " + seconds + " s");
			assertTrue(error.getMessage().contains("does not answer like a MicroPython board"), error.getMessage());
			assertTrue(error.getMessage().contains("GPGGA"), "shows what it got: " + error.getMessage());
		} finally {
			device.afterEach(null);
		}
	}

	static String readUntil(SerialConnection port, String expected) throws Exception {
		ByteArrayOutputStream seen = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			seen.write(buffer, 0, port.read(buffer));
			if (seen.toString(StandardCharsets.UTF_8).contains(expected)) {
				return seen.toString(StandardCharsets.UTF_8);
			}
		}
		return fail("did not see " + expected.strip() + " within 10 s; got: " + seen.toString(StandardCharsets.UTF_8));
	}
}
