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

import java.io.IOException;

/** The board did not answer as MicroPython should, or reported an error; the message is meant for the user. */
public class BoardException extends IOException {

	private static final long serialVersionUID = 1L;

	public BoardException(String message) {
		super(message);
	}

	public BoardException(String message, Throwable cause) {
		super(message, cause);
	}
}
