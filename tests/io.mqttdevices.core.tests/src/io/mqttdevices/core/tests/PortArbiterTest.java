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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortHolder;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.serial.SerialPortException;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** One owner per port: a holder lends its open port to borrowers, against the simulated board. */
class PortArbiterTest {

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	private final PortArbiter arbiter = PortArbiter.getDefault();
	private final List<String> events = new CopyOnWriteArrayList<>();
	private final PortHolder holder = new PortHolder() {
		@Override
		public void pause(String borrower) {
			events.add("pause " + borrower);
		}

		@Override
		public void resume(String borrower) {
			events.add("resume " + borrower);
		}
	};

	@Test
	void borrowPausesTheHolderSharesItsConnectionAndResumesIt() throws Exception {
		try (PortLease repl = arbiter.hold(board.path(), 115200, "Board REPL", holder)) {
			try (PortLease upload = arbiter.borrow(board.path(), 115200, "Upload to Board", Duration.ZERO)) {
				assertSame(repl.connection(), upload.connection());
				assertEquals(List.of("pause Upload to Board"), events);
				assertEquals(Optional.of("Upload to Board"), arbiter.ownerOf(board.path()));
				upload.connection().write("print(6*7)\r".getBytes(StandardCharsets.US_ASCII));
				SimulatedBoardSerialTest.readUntil(upload.connection(), "42");
			}
			assertEquals(List.of("pause Upload to Board", "resume Upload to Board"), events);
			assertTrue(repl.connection().isOpen(), "the holder's port stays open after the borrow");
			assertEquals(Optional.of("Board REPL"), arbiter.ownerOf(board.path()));
		}
		assertEquals(Optional.empty(), arbiter.ownerOf(board.path()));
	}

	@Test
	void aSecondHolderIsToldWhoHasThePort() throws Exception {
		try (PortLease repl = arbiter.hold(board.path(), 115200, "Board REPL", holder)) {
			SerialPortException error = assertThrows(SerialPortException.class,
					() -> arbiter.hold(board.path(), 115200, "Another REPL", holder));
			assertTrue(error.getMessage().contains("in use by Board REPL"), error.getMessage());
		}
	}

	@Test
	void aSecondBorrowerWaitsForTheFirstOrGivesUpWithAMessage() throws Exception {
		PortLease first = arbiter.borrow(board.path(), 115200, "Upload to Board", Duration.ZERO);
		SerialPortException error = assertThrows(SerialPortException.class,
				() -> arbiter.borrow(board.path(), 115200, "Run on Board", Duration.ofMillis(200)));
		assertTrue(error.getMessage().contains("in use by Upload to Board"), error.getMessage());

		Thread giveBack = new Thread(() -> {
			try {
				Thread.sleep(300);
				first.close();
			} catch (Exception e) {
				events.add("failed: " + e);
			}
		});
		giveBack.start();
		try (PortLease second = arbiter.borrow(board.path(), 115200, "Run on Board", Duration.ofSeconds(5))) {
			assertTrue(first.isClosed());
			assertFalse(second.connection() == first.connection(), "an unheld port is reopened, not reused");
			assertTrue(second.connection().isOpen());
		}
		giveBack.join();
		assertEquals(List.of(), events);
	}

	@Test
	void aBorrowedUnheldPortIsClosedWhenGivenBack() throws Exception {
		PortLease upload = arbiter.borrow(board.path(), 115200, "Upload to Board", Duration.ZERO);
		upload.close();
		assertFalse(upload.connection().isOpen());
		upload.close();
		assertEquals(Optional.empty(), arbiter.ownerOf(board.path()));
	}

	@Test
	void aMissingPortIsNotClaimed() {
		SerialPortException error = assertThrows(SerialPortException.class,
				() -> arbiter.hold(board.path() + "-missing", 115200, "Board REPL", holder));
		assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
		assertEquals(Optional.empty(), arbiter.ownerOf(board.path() + "-missing"));
	}
}
