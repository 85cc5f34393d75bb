/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.util.List;

import io.mqttdevices.core.libraries.Requirement;

/**
 * The declared libraries resolved for one bytecode flavour.
 *
 * @param flavour the index's folder: the board's {@code .mpy} version ({@code "6"}) or {@code "py"}
 * @param requested one library per requirement, in the order declared
 */
public record MipPlan(String flavour, List<Entry> requested) {

	/** A requirement and what it resolved to (a library with a {@link MipLibrary#problem} when it did not). */
	public record Entry(Requirement requirement, MipLibrary library) {
	}

	public MipPlan {
		requested = List.copyOf(requested);
	}
}
