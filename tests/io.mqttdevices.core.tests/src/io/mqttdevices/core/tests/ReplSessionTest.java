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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortHolder;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** The REPL session against real MicroPython on a pseudo-terminal: typing, keys, paste, resets, unplug, borrow. */
class ReplSessionTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	private final Screen screen = new Screen();
	private final List<String> states = new CopyOnWriteArrayList<>();
	private ReplSession session;

	@AfterEach
	void closeSession() {
		if (session != null) {
			session.close();
		}
	}

	private ReplSession open(String path) {
		session = new ReplSession(path, 115200, screen, (state, detail) -> states.add(state + " " + detail));
		session.start();
		return session;
	}

	private void type(String text) {
		session.send(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void connectsShowsThePromptAndEvaluates() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		assertEquals(State.CONNECTED, session.state());
		int mark = screen.mark();
		type("print(1+1)\r");
		String answer = screen.awaitAfter(mark, "\r\n>>> ", WAIT);
		assertTrue(answer.contains("print(1+1)\r\n2\r\n"), answer);
	}

	@Test
	void interruptAbandonsAHalfTypedBlock() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		int mark = screen.mark();
		type("for i in range(3):\r");
		screen.awaitAfter(mark, "... ", WAIT);
		mark = screen.mark();
		session.interrupt();
		screen.awaitAfter(mark, ">>> ", WAIT);
		mark = screen.mark();
		type("print('i' in globals())\r");
		String answer = screen.awaitAfter(mark, "\r\n>>> ", WAIT);
		assertTrue(answer.contains("\r\nFalse\r\n"), "the loop never ran: " + answer);
	}

	@Test
	void softResetRebootsAndForgetsGlobals() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		type("kept = 5\r");
		int mark = screen.mark();
		session.softReset();
		mark += screen.awaitAfter(mark, "MPY: soft reboot", WAIT).indexOf("MPY: soft reboot");
		screen.awaitAfter(mark, ">>> ", WAIT);
		mark = screen.mark();
		type("print('kept' in globals())\r");
		assertTrue(screen.awaitAfter(mark, "\r\n>>> ", WAIT).contains("\r\nFalse\r\n"));
	}

	@Test
	void hardResetFallsBackToMachineResetWhereDtrRtsCannotReset() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		int mark = screen.mark();
		session.hardReset();
		String reboot = screen.awaitAfter(mark, "MicroPython", WAIT);
		screen.awaitAfter(mark + reboot.indexOf("MicroPython"), ">>> ", WAIT);
		assertTrue(screen.textAfter(mark).contains("[Hard reset (machine.reset())]"), screen.textAfter(mark));
		assertFalse(reboot.contains("soft reboot"), "a hard reset is not a soft reboot: " + reboot);
	}

	@Test
	void pastedFunctionKeepsItsIndentation() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		session.paste("def twice(a):\n    if a:\n        return a * 2\n    return -1\n\nprint(twice(21), twice(0))\n");
		String answer = screen.awaitAfter(0, "42 -1\r\n>>> ", WAIT);
		assertTrue(answer.contains("===         return a * 2"), "paste mode echoes the lines as written: " + answer);
		int mark = screen.mark();
		type("print(twice(4))\r");
		assertTrue(screen.awaitAfter(mark, "\r\n>>> ", WAIT).contains("\r\n8\r\n"));
	}

	@Test
	void unplugWaitsAndReplugReconnectsWithinTwoSeconds() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		int mark = screen.mark();
		board.unplug();
		screen.awaitAfter(mark, "Waiting for " + board.path(), WAIT);
		assertEquals(State.WAITING, session.state());
		Thread.sleep(1500); // a few retries while the port is gone

		mark = screen.mark();
		board.replug();
		long plugged = System.nanoTime();
		while (session.state() != State.CONNECTED && System.nanoTime() - plugged < WAIT.toNanos()) {
			Thread.sleep(10);
		}
		long millis = (System.nanoTime() - plugged) / 1_000_000;
		assertEquals(State.CONNECTED, session.state());
		assertTrue(millis <= 2000, "reconnected after " + millis + " ms");
		screen.awaitAfter(mark, "[Reconnected to " + board.path() + "]", WAIT);
		screen.awaitAfter(mark, ">>> ", WAIT);
		mark = screen.mark();
		type("print(3*3)\r");
		// the answer itself, not the next prompt: a prompt of the booting board may still be on its way
		screen.awaitAfter(mark, "\r\n9\r\n", WAIT);
	}

	@Test
	void aBorrowPausesTheSessionWhichResumesAfterwards() throws Exception {
		open(board.path());
		screen.await(">>> ", WAIT);
		try (PortLease upload = PortArbiter.getDefault().borrow(board.path(), 115200, "Upload to Board",
				Duration.ofSeconds(5))) {
			assertEquals(State.PAUSED, session.state());
			int mark = screen.mark();
			upload.connection().write("print(6*7)\r".getBytes(StandardCharsets.US_ASCII));
			// the borrower alone reads: the answer reaches it, not the paused session
			SimulatedBoardSerialTest.readUntil(upload.connection(), "42");
			Thread.sleep(300);
			assertFalse(screen.textAfter(mark).contains("42"), screen.textAfter(mark));
		}
		screen.await("[Resumed after Upload to Board]", WAIT);
		assertEquals(State.CONNECTED, session.state());
		assertTrue(states.contains("PAUSED Upload to Board"), states.toString());
		int mark = screen.mark();
		type("print(2+3)\r");
		assertTrue(screen.awaitAfter(mark, "\r\n>>> ", WAIT).contains("\r\n5\r\n"));
	}

	@Test
	void aMissingPortIsSaidOnceAndWaitedFor() throws Exception {
		String missing = board.path() + "-missing";
		open(missing);
		screen.await("Serial port " + missing + " does not exist.", WAIT);
		Thread.sleep(1500);
		assertEquals(State.WAITING, session.state());
		String text = screen.textAfter(0);
		assertEquals(text.indexOf("does not exist"), text.lastIndexOf("does not exist"), "said once: " + text);
		assertTrue(states.stream().anyMatch(s -> s.startsWith("WAITING") && s.contains("does not exist")),
				states.toString());
	}

	@Test
	void aPortHeldElsewhereIsWaitedForAndTakenWhenFree() throws Exception {
		PortHolder other = new PortHolder() {
			@Override
			public void pause(String borrower) {
			}

			@Override
			public void resume(String borrower) {
			}
		};
		PortLease held = PortArbiter.getDefault().hold(board.path(), 115200, "Another REPL", other);
		try {
			open(board.path());
			screen.await("in use by Another REPL", WAIT);
			assertEquals(State.WAITING, session.state());
		} finally {
			held.close();
		}
		screen.await(">>> ", WAIT);
		assertEquals(State.CONNECTED, session.state());
	}
}
