/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.circuitpy;

import java.io.IOException;
import java.nio.file.Path;

/** Files did not fit on the CIRCUITPY drive; found before anything was written. */
public class DriveFullException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long needed;
	private final long free;

	public DriveFullException(Path drive, int files, long needed, long free) {
		super(String.format("The %d changed files need %.1f KB on the CIRCUITPY drive at %s, which has %.1f KB free.", //$NON-NLS-1$
				files, needed / 1024.0, drive, free / 1024.0));
		this.needed = needed;
		this.free = free;
	}

	/** Bytes the files take on the drive, in whole allocation units. */
	public long needed() {
		return needed;
	}

	/** Bytes free on the drive. */
	public long free() {
		return free;
	}
}
