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
 * One library a project declares it needs on the board: a micropython-lib package name (or a {@code github:} or
 * URL package as {@code mip} accepts it) or an Adafruit bundle module name.
 *
 * @param name the package or module name as the user wrote it
 * @param version the version asked for, or {@code null} for the newest
 * @param line the 1-based line of the declaration in its file, or 0 when it has none
 */
public record Requirement(String name, String version, int line) {

	public Requirement {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name"); //$NON-NLS-1$
		}
	}

	public Requirement(String name, String version) {
		this(name, version, 0);
	}
}
