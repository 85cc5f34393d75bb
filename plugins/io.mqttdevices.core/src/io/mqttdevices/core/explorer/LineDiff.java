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

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two payload texts (longest common subsequence), for "what changed since the previous message".
 * Texts longer than {@value #MAX_LINES} lines are compared as a whole: all old lines removed, all new added.
 */
public final class LineDiff {

	public static final int MAX_LINES = 2_000;

	/** How a line differs. */
	public enum Change {
		SAME, REMOVED, ADDED
	}

	/** One line of the diff. */
	public record Line(Change change, String text) {
	}

	private LineDiff() {
	}

	public static List<Line> diff(String before, String after) {
		String[] a = before.split("\n", -1); //$NON-NLS-1$
		String[] b = after.split("\n", -1); //$NON-NLS-1$
		List<Line> result = new ArrayList<>();
		if (a.length > MAX_LINES || b.length > MAX_LINES) {
			for (String line : a) {
				result.add(new Line(Change.REMOVED, line));
			}
			for (String line : b) {
				result.add(new Line(Change.ADDED, line));
			}
			return result;
		}
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				result.add(new Line(Change.SAME, a[i]));
				i++;
				j++;
			} else if (common[i + 1][j] >= common[i][j + 1]) {
				result.add(new Line(Change.REMOVED, a[i++]));
			} else {
				result.add(new Line(Change.ADDED, b[j++]));
			}
		}
		while (i < a.length) {
			result.add(new Line(Change.REMOVED, a[i++]));
		}
		while (j < b.length) {
			result.add(new Line(Change.ADDED, b[j++]));
		}
		return result;
	}
}
