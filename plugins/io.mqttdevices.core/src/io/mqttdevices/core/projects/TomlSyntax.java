/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomlj.TomlParseError;

/**
 * Puts a tomlj syntax error into words a user of {@code settings.toml} understands: the line, what is wrong there and
 * what to write instead ({@code NAME = "text"} or {@code NAME = 123}, one setting a line).
 */
final class TomlSyntax {

	private static final Pattern UNEXPECTED = Pattern.compile("Unexpected (.+?), expected (.+)"); //$NON-NLS-1$
	private static final Pattern DEFINED_TWICE = Pattern.compile("(.+) previously defined at line (\\d+).*"); //$NON-NLS-1$
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"); //$NON-NLS-1$
	private static final Pattern ESCAPE = Pattern.compile("Invalid escape sequence '(.+)'"); //$NON-NLS-1$

	private TomlSyntax() {
	}

	static ConfigProblem explain(String text, TomlParseError error) {
		int line = error.position().line();
		String lineText = lineText(text, line);
		return new ConfigProblem(line, true,
				"Line " + line + ": " + words(error.getMessage(), lineText, error.position().column())); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String words(String message, String lineText, int column) {
		String name = name(lineText);
		Matcher twice = DEFINED_TWICE.matcher(message);
		if (twice.matches()) {
			return twice.group(1) + " is already set on line " + twice.group(2) + ": keep one of them."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		Matcher escape = ESCAPE.matcher(message);
		if (escape.matches()) {
			return escape.group(1) + " cannot be written in double quotes: write \\" + escape.group(1) //$NON-NLS-1$
					+ " or put the whole text in single quotes."; //$NON-NLS-1$
		}
		Matcher unexpected = UNEXPECTED.matcher(message);
		if (!unexpected.matches()) {
			return message;
		}
		boolean endOfLine = unexpected.group(1).equals("end of line") || unexpected.group(1).equals("end of input"); //$NON-NLS-1$ //$NON-NLS-2$
		String found = word(lineText, column);
		String expected = unexpected.group(2);
		if (expected.startsWith("\"") || expected.startsWith("'")) { //$NON-NLS-1$ //$NON-NLS-2$
			return "a closing " + expected.charAt(0) + " is missing at the end of the text."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (expected.equals("a value") && (found.equals("True") || found.equals("False"))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return "write 1 for on or 0 for off, not " + found + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (expected.equals("a value") && !endOfLine && (found.endsWith("\"") || found.endsWith("'"))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return "an opening " + found.charAt(found.length() - 1) + " is missing before " //$NON-NLS-1$ //$NON-NLS-2$
					+ found.substring(0, found.length() - 1) + "."; //$NON-NLS-1$
		}
		if (expected.equals("a value")) { //$NON-NLS-1$
			return endOfLine ? "a value is missing after =." //$NON-NLS-1$
					: "put the text " + found + " in double quotes: " + name + " = \"" + found + "\"."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		if (expected.endsWith("=")) { //$NON-NLS-1$
			if (found.equals(":")) { //$NON-NLS-1$
				return "write = between the name and the value, not :."; //$NON-NLS-1$
			}
			return endOfLine ? "= and a value are missing after " + name + "." //$NON-NLS-1$ //$NON-NLS-2$
					: "= is missing before " + found + (NAME.matcher(found).matches() ? " (a name has no spaces)." : "."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (expected.equals("a newline or end-of-input") && NAME.matcher(found).matches() //$NON-NLS-1$
				&& lineText.indexOf('=', Math.max(0, column - 1)) >= 0) {
			return "put " + found + " on a new line: one setting a line."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (expected.equals("a newline or end-of-input")) { //$NON-NLS-1$
			return found + " should not follow the value: one setting a line, and text in double quotes."; //$NON-NLS-1$
		}
		if (expected.equals("]")) { //$NON-NLS-1$
			return "a closing ] is missing."; //$NON-NLS-1$
		}
		return (endOfLine ? "the line ends too early" : found + " is not expected here") //$NON-NLS-1$ //$NON-NLS-2$
				+ "; write NAME = \"text\" or NAME = 123."; //$NON-NLS-1$
	}

	/** The setting's name: what stands before the first '=' or blank. */
	private static String name(String lineText) {
		String trimmed = lineText.strip();
		int end = 0;
		while (end < trimmed.length() && "= \t:".indexOf(trimmed.charAt(end)) < 0) { //$NON-NLS-1$
			end++;
		}
		return end == 0 ? "the name" : trimmed.substring(0, end); //$NON-NLS-1$
	}

	/** The word at a 1-based column, up to the next blank, or the character there. */
	private static String word(String lineText, int column) {
		int start = Math.max(0, Math.min(lineText.length(), column - 1));
		int end = start;
		while (end < lineText.length() && !Character.isWhitespace(lineText.charAt(end))) {
			end++;
		}
		return end == start ? "" : lineText.substring(start, end); //$NON-NLS-1$
	}

	private static String lineText(String text, int line) {
		String[] lines = text.split("\n", -1); //$NON-NLS-1$
		return line >= 1 && line <= lines.length ? lines[line - 1].replace("\r", "") : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
