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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a removal of board libraries did, for either runtime.
 *
 * @param removed the libraries whose files were deleted, in the order asked
 * @param notThere the libraries the board did not have (none of their files was there)
 * @param notRemoved the libraries left on the board, each with one sentence saying why (built into the firmware,
 *            needed by a library that stays, unknown to the index or bundle, refused by the board)
 * @param deleted the paths deleted, files and then the folders they left empty, relative to the flash root or the
 *            drive ({@code lib/umqtt/robust.mpy}, {@code lib/adafruit_minimqtt})
 */
public record RemoveReport(List<String> removed, List<String> notThere, Map<String, String> notRemoved,
		List<String> deleted) {

	public RemoveReport {
		removed = List.copyOf(removed);
		notThere = List.copyOf(notThere);
		notRemoved = Collections.unmodifiableMap(new LinkedHashMap<>(notRemoved));
		deleted = List.copyOf(deleted);
	}

	/** Every library asked for is off the board. */
	public boolean ok() {
		return notRemoved.isEmpty();
	}

	/**
	 * One line for the user, e.g. "Removed umqtt.robust (lib/umqtt/robust.mpy); umqtt.simple was not on the board"
	 * or "Removed adafruit_minimqtt (4 files and folders); adafruit_ticks was not removed: adafruit_minimqtt needs
	 * it."
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (!removed.isEmpty()) {
			parts.add(String.format("Removed %s (%s)", String.join(", ", removed), deleted.size() <= 3 //$NON-NLS-1$ //$NON-NLS-2$
					? String.join(", ", deleted) : deleted.size() + " files and folders")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!notThere.isEmpty()) {
			parts.add(String.join(", ", notThere) + (notThere.size() == 1 ? " was" : " were") + " not on the board"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		parts.addAll(notRemoved.values());
		return parts.isEmpty() ? "No libraries to remove." : String.join("; ", parts); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
