/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

/** The local broker could not start; the message says why, for the user (port in use, LAN without password...). */
public class LocalBrokerException extends Exception {

	private static final long serialVersionUID = 1L;

	public LocalBrokerException(String message) {
		super(message);
	}

	public LocalBrokerException(String message, Throwable cause) {
		super(message, cause);
	}
}
