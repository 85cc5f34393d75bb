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

/** A serial port that cannot be found, opened or used; the message is meant for the user. */
public class SerialPortException extends IOException {

	private static final long serialVersionUID = 1L;

	public SerialPortException(String message) {
		super(message);
	}

	public SerialPortException(String message, Throwable cause) {
		super(message, cause);
	}
}
