/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.templates;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python source for Java values: strings always come out as valid, safely escaped literals. */
final class PythonLiterals {

	private PythonLiterals() {
	}

	static String of(Object value) {
		if (value == null) {
			return "None"; //$NON-NLS-1$
		}
		if (value instanceof Boolean b) {
			return b ? "True" : "False"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (value instanceof Number n) {
			return n.toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(PythonLiterals::of).collect(Collectors.joining(", ", "(", ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return string(value.toString());
	}

	static String string(String text) {
		StringBuilder out = new StringBuilder("\""); //$NON-NLS-1$
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\""); //$NON-NLS-1$
			case '\\' -> out.append("\\\\"); //$NON-NLS-1$
			case '\n' -> out.append("\\n"); //$NON-NLS-1$
			case '\r' -> out.append("\\r"); //$NON-NLS-1$
			case '\t' -> out.append("\\t"); //$NON-NLS-1$
			default -> {
				if (c < 0x20 || c == 0x7f) {
					out.append(String.format("\\x%02x", (int) c)); //$NON-NLS-1$
				} else {
					out.append(c);
				}
			}
			}
		}
		return out.append('"').toString();
	}

	/** A dict literal, one key per line, in the map's order. */
	static String dict(Map<String, ?> entries) {
		return entries.entrySet().stream().map(e -> "    " + string(e.getKey()) + ": " + of(e.getValue())) //$NON-NLS-1$ //$NON-NLS-2$
				.collect(Collectors.joining(",\n", "{\n", ",\n}")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
