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
 * What the board has of one declared library.
 *
 * @param name the declared name
 * @param wanted the version the index or bundle offers for it (null when unknown)
 * @param installed the version found on the board (null when missing or unknown)
 * @param state the comparison's outcome
 * @param detail a short plain sentence for the user when the state needs one (null otherwise)
 */
public record LibraryStatus(String name, String wanted, String installed, State state, String detail) {

	public enum State {
		/** Every file of the library is on the board as the index or bundle has it. */
		INSTALLED,
		/** Not on the board. */
		MISSING,
		/** On the board, in another version or with other content. */
		OUTDATED,
		/** The index or bundle does not know the name. */
		UNKNOWN
	}
}
