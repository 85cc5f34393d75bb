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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What the user sees: the board's bytes and the session's notes, one writer at a time. */
final class ReplOutput {
	private final OutputStream sink;
	private boolean broken;

	ReplOutput(OutputStream sink) {
		this.sink = sink;
	}

	synchronized void write(byte[] data, int length) {
		if (broken) {
			return;
		}
		try {
			sink.write(data, 0, length);
			sink.flush();
		} catch (IOException e) {
			broken = true; // the terminal is gone; the session is being closed
		}
	}

	void note(String text) {
		byte[] line = ("\r\n[" + text + "]\r\n").getBytes(StandardCharsets.UTF_8); //$NON-NLS-1$ //$NON-NLS-2$
		write(line, line.length);
	}
}
