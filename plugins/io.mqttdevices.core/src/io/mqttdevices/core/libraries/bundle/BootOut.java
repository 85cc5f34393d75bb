/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mqttdevices.core.libraries.LibraryException;

/**
 * What {@code boot_out.txt} on CIRCUITPY says: CircuitPython writes it at every start, its first line like
 * {@code Adafruit CircuitPython 9.2.1 on 2024-11-20; Adafruit Feather ESP32-S2 with ESP32S2} and its second
 * {@code Board ID:adafruit_feather_esp32s2} (circup reads the version and board id from the same two lines).
 *
 * @param version the CircuitPython version, e.g. {@code 9.2.1} or {@code 10.0.0-beta.2}
 * @param major its major number, which names the bundle's {@code <major>.x-mpy} zip
 * @param board the board's name, or empty
 * @param boardId the board id, or empty
 */
public record BootOut(String version, int major, String board, String boardId) {

	public static final String FILE = "boot_out.txt"; //$NON-NLS-1$

	private static final Pattern FIRST_LINE = Pattern
			.compile("CircuitPython (\\d+)\\.(\\d+)\\.(\\d+)(\\S*)[^;]*(?:;\\s*(.*))?"); //$NON-NLS-1$
	private static final String BOARD_ID = "Board ID:"; //$NON-NLS-1$

	/**
	 * Reads the drive's {@code boot_out.txt}.
	 *
	 * @throws LibraryException when it is missing, unreadable or not from CircuitPython
	 */
	public static BootOut read(Path drive) throws LibraryException {
		Path file = drive.resolve(FILE);
		String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			throw new LibraryException("The CIRCUITPY drive at " + drive + " has no " + FILE //$NON-NLS-1$ //$NON-NLS-2$
					+ ", which tells the CircuitPython version: reset the board (CircuitPython writes it at every " //$NON-NLS-1$
					+ "start) and try again.", e); //$NON-NLS-1$
		} catch (IOException e) {
			throw new LibraryException("Could not read " + file + " to learn the board's CircuitPython version (" //$NON-NLS-1$ //$NON-NLS-2$
					+ e.getClass().getSimpleName() + "): reset the board, or eject the drive and run a disk check.", e); //$NON-NLS-1$
		}
		return parse(text).orElseThrow(() -> new LibraryException(file
				+ " does not name a CircuitPython version (its first line should read like \"Adafruit CircuitPython " //$NON-NLS-1$
				+ "9.2.1 on 2024-11-20; ...\"): reset the board so that CircuitPython writes it again.")); //$NON-NLS-1$
	}

	/** Parses the file's text; empty when its first line names no CircuitPython version. */
	public static Optional<BootOut> parse(String text) {
		String[] lines = text.replace("\r", "").split("\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Matcher m = FIRST_LINE.matcher(lines[0]);
		if (!m.find()) {
			return Optional.empty();
		}
		String version = m.group(1) + '.' + m.group(2) + '.' + m.group(3) + m.group(4);
		String board = m.group(5) == null ? "" : m.group(5).strip(); //$NON-NLS-1$
		String boardId = ""; //$NON-NLS-1$
		for (String line : lines) {
			if (line.startsWith(BOARD_ID)) {
				boardId = line.substring(BOARD_ID.length()).strip();
			}
		}
		return Optional.of(new BootOut(version, Integer.parseInt(m.group(1)), board, boardId));
	}
}
