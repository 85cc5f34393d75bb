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

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a REPL session printed, as a terminal would get it; tests wait for text to appear. */
final class Screen extends OutputStream {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	@Override
	public synchronized void write(int b) {
		bytes.write(b);
		notifyAll();
	}

	@Override
	public synchronized void write(byte[] data, int offset, int length) {
		bytes.write(data, offset, length);
		notifyAll();
	}

	/** Where the text ends now, to look only at what comes after. */
	synchronized int mark() {
		return text().length();
	}

	synchronized String textAfter(int mark) {
		return text().substring(mark);
	}

	/** Waits until the text from the start contains {@code expected}. */
	String await(String expected, Duration timeout) throws InterruptedException {
		return awaitAfter(0, expected, timeout);
	}

	/** Waits until the text after {@code mark} contains {@code expected}; returns that text. */
	synchronized String awaitAfter(int mark, String expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!textAfter(mark).contains(expected)) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				fail("did not see '" + expected.strip() + "' within " + timeout.toSeconds() + " s; got: "
						+ textAfter(mark));
			}
			wait(left);
		}
		return textAfter(mark);
	}

	private String text() {
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
