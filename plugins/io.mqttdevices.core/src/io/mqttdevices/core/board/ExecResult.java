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

/**
 * What code run in the raw REPL printed.
 *
 * @param output what it printed (stdout), with the board's line ends
 * @param error  the traceback, empty when the code ran to its end
 */
public record ExecResult(String output, String error) {

	public boolean failed() {
		return !error.isEmpty();
	}

	/** The last line of the traceback, e.g. {@code OSError: [Errno 2] ENOENT}; empty when it did not fail. */
	public String errorSummary() {
		String[] lines = error.strip().split("\r?\n"); //$NON-NLS-1$
		return lines[lines.length - 1].strip();
	}
}
