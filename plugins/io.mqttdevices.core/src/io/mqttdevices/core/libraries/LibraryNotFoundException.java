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

/**
 * The URL, package or module does not exist where it was looked for (HTTP 404, a missing {@code file:}, a name the
 * index does not have), as opposed to a source that could not be reached.
 */
public class LibraryNotFoundException extends LibraryException {

	private static final long serialVersionUID = 1L;

	public LibraryNotFoundException(String message) {
		super(message);
	}

	public LibraryNotFoundException(String message, Throwable cause) {
		super(message, cause);
	}
}
