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

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.tests.fixtures.OddDevice;

/** The REPL session on ports that are not a MicroPython board: a clear line, no hang. */
class ReplOddDeviceTest {

	@RegisterExtension
	final OddDevice silent = OddDevice.silent();

	@RegisterExtension
	final OddDevice garbage = OddDevice.garbage();

	private final Screen screen = new Screen();

	@Test
	void aDeviceThatDoesNotAnswerGetsOneClearLine() throws Exception {
		ReplSession session = new ReplSession(silent.path(), 115200, screen, null);
		try {
			session.start();
			String said = screen.await("No answer from " + silent.path() + " yet", Duration.ofSeconds(10));
			assertTrue(said.contains("Interrupt stops it"), said);
			assertEquals(State.CONNECTED, session.state(), "the port stays open: a program may still answer");
			Thread.sleep(2500);
			String text = screen.textAfter(0);
			assertEquals(text.indexOf("No answer"), text.lastIndexOf("No answer"), "said once: " + text);
		} finally {
			session.close();
		}
	}

	@Test
	void aDeviceThatFloodsIsShownAndClosesPromptly() throws Exception {
		ReplSession session = new ReplSession(garbage.path(), 115200, screen, null);
		session.start();
		screen.await("GPGGA 123519", Duration.ofSeconds(10));
		assertEquals(State.CONNECTED, session.state());
		assertFalse(screen.textAfter(0).contains("No answer"));
		long start = System.nanoTime();
		session.close();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(millis < 2000, "closed in " + millis + " ms");
		assertEquals(State.DISCONNECTED, session.state());
		assertTrue(PortArbiter.getDefault().ownerOf(garbage.path()).isEmpty(), "the port is given back");
	}
}
