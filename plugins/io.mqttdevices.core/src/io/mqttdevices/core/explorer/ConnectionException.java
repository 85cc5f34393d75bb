/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

/** A broker connection that could not be made or used; the message is one clear sentence for the user. */
public class ConnectionException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	public ConnectionException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** What went wrong, for callers that react differently (the dialog offers to edit the password, say). */
	public enum Kind {
		UNKNOWN_HOST, REFUSED, BAD_CREDENTIALS, NOT_AUTHORIZED, TLS, TIMEOUT, LOST, PROTOCOL, OTHER
	}
}
