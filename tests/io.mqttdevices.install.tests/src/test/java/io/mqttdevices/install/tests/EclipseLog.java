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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An Eclipse {@code .log} file: its {@code !ENTRY} blocks, and those at ERROR or WARNING severity. */
final class EclipseLog {

	private static final String ENTRY = "!ENTRY ";
	private static final String SESSION = "!SESSION";
	/** IStatus.ERROR and IStatus.WARNING, the third field of an !ENTRY line. */
	private static final Set<String> SEVERE = Set.of("4", "2");

	private final Path file;

	EclipseLog(Path file) {
		this.file = file;
	}

	Path file() {
		return file;
	}

	String text() throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

	/** Each ERROR or WARNING entry with its message, sub-entries and stack trace. */
	List<String> errorsAndWarnings() throws IOException {
		List<String> errors = new ArrayList<>();
		StringBuilder entry = null;
		for (String line : text().split("\\R")) {
			if (line.startsWith(ENTRY) || line.startsWith(SESSION)) {
				flush(entry, errors);
				entry = line.startsWith(ENTRY) ? new StringBuilder() : null;
			}
			if (entry != null) {
				entry.append(line).append('\n');
			}
		}
		flush(entry, errors);
		return errors;
	}

	private static void flush(StringBuilder entry, List<String> errors) {
		if (entry == null) {
			return;
		}
		String[] fields = entry.substring(ENTRY.length()).split(" ", 3);
		if (fields.length >= 2 && SEVERE.contains(fields[1])) {
			errors.add(entry.toString());
		}
	}
}
