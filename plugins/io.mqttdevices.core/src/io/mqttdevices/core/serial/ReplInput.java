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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The bytes a MicroPython friendly REPL understands: control keys and paste mode. */
public final class ReplInput {

	public static final byte CTRL_C = 0x03;
	public static final byte CTRL_D = 0x04;
	public static final byte CTRL_E = 0x05;

	/** Stops a running program, or clears the line at the prompt. */
	public static final byte[] INTERRUPT = { CTRL_C };
	/** Interrupts whatever runs, then soft-reboots (Ctrl-D at an empty prompt). */
	public static final byte[] SOFT_RESET = { CTRL_C, CTRL_D };
	/** Interrupts whatever runs, then asks the board to restart as on power-up. */
	public static final byte[] MACHINE_RESET = "\u0003\u0003import machine; machine.reset()\r" //$NON-NLS-1$
			.getBytes(StandardCharsets.US_ASCII);
	/** Enter: asks the REPL for a fresh prompt. */
	public static final byte[] ENTER = { '\r' };

	private ReplInput() {
	}

	/**
	 * Code to run as it is written, through paste mode (Ctrl-E ... Ctrl-D), so the REPL's auto-indent does not pile
	 * up indentation. Line ends become Enter; control characters other than tab are left out, since they would end
	 * or cancel the paste.
	 */
	public static byte[] pasteMode(String code) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(code.length() + 8);
		out.write(CTRL_C);
		out.write(CTRL_E);
		String text = code.replace("\r\n", "\n").replace('\r', '\n'); //$NON-NLS-1$ //$NON-NLS-2$
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				clean.append('\r');
			} else if (c == '\t' || c >= ' ') {
				clean.append(c);
			}
		}
		out.writeBytes(clean.toString().getBytes(StandardCharsets.UTF_8));
		out.write(CTRL_D);
		return out.toByteArray();
	}

	/**
	 * Whether text sent to the board in one piece is a paste of several lines (rather than a typed key or a single
	 * line): it has a line break before its last line.
	 */
	public static boolean isMultiLine(String text) {
		String body = text.stripTrailing();
		return body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0;
	}
}
