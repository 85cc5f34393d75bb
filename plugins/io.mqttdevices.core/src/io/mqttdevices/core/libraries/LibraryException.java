/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries;

import java.io.IOException;

/**
 * A board library could not be found, fetched, verified or installed. The message is one plain sentence meant for
 * the user (it names the package, the URL or the file and says what to do), never a library's exception text.
 */
public class LibraryException extends IOException {

	private static final long serialVersionUID = 1L;

	public LibraryException(String message) {
		super(message);
	}

	public LibraryException(String message, Throwable cause) {
		super(message, cause);
	}
}
