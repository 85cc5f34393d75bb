/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.tests;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The few ERROR and WARNING log entries of a stock IDE that a user can ignore, each with why. Anything else in the
 * logs fails the install test: ours or the platform's, it is what a user would find in Error Log.
 */
final class HarmlessLogEntries {

	private static final List<Pattern> HARMLESS = List.of();

	private HarmlessLogEntries() {
	}

	/** The entries that are not on the list. */
	static List<String> without(List<String> entries) {
		return entries.stream().filter(entry -> HARMLESS.stream().noneMatch(p -> p.matcher(entry).find())).toList();
	}
}
