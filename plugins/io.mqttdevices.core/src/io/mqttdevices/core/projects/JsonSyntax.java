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

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a Gson syntax error into words a user of {@code config.json} understands: the line, what is wrong there and
 * what to write instead. Gson finds the error and its position; this class reads the text at that position to say
 * which quote, comma or colon is missing. No class name or advice to a programmer reaches the user.
 */
final class JsonSyntax {

	private static final Pattern POSITION = Pattern.compile("at line (\\d+) column (\\d+)(?: path (\\S+))?"); //$NON-NLS-1$
	private static final Pattern LAST_KEY = Pattern.compile("\\.([^.\\[\\]]+)$"); //$NON-NLS-1$
	private static final String DELIMITERS = " \t\r\n,:{}[]\"'"; //$NON-NLS-1$
	private static final Map<String, String> PYTHON_WORDS = Map.of("True", "true", "False", "false", "None", "null"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private final String text;
	private final String message;
	private int line = 1;
	private int at = -1;
	private String key;
	private String path;

	private JsonSyntax(String text, String message) {
		this.text = text;
		this.message = message == null ? "" : message; //$NON-NLS-1$
	}

	/** The problem Gson's {@code message} points at in {@code text}. */
	static ConfigProblem explain(String text, String message) {
		JsonSyntax syntax = new JsonSyntax(text, message);
		syntax.locate();
		String words = syntax.words(); // may move the line, e.g. to a comma before the closing brace
		return new ConfigProblem(syntax.line, true, "Line " + syntax.line + ": " + words); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Finds the character Gson stopped at: the one before its column, or the next one when that is a blank. */
	private void locate() {
		Matcher matcher = POSITION.matcher(message);
		if (!matcher.find()) {
			return;
		}
		int lineStart = 0;
		for (int l = 1; l < Integer.parseInt(matcher.group(1)) && lineStart >= 0; l++) {
			lineStart = text.indexOf('\n', lineStart) + 1;
			if (lineStart == 0) {
				lineStart = -1;
			}
		}
		if (lineStart < 0) {
			return;
		}
		int offset = Math.min(text.length(), lineStart + Integer.parseInt(matcher.group(2)) - 1);
		at = offset - 1;
		if (at < 0 || Character.isWhitespace(text.charAt(at))) {
			at = nextNonBlank(offset);
		}
		path = matcher.group(3);
		if (path != null) {
			Matcher last = LAST_KEY.matcher(path);
			key = last.find() ? last.group(1) : null;
		}
		line = lineOf(at < 0 ? text.length() : at);
	}

	private String words() {
		char c = at < 0 || at >= text.length() ? 0 : text.charAt(at);
		if (message.contains("End of input") || c == 0) { //$NON-NLS-1$
			// marked at the last line with text, where the user sees the file end; the path says what is open
			line = lineOf(Math.max(0, previousNonBlankIndex(text.length())));
			return "a closing " + (path != null && path.endsWith("]") ? "]" : "}") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ " is missing at the end of the file."; //$NON-NLS-1$
		}
		if (message.contains("Unescaped control characters")) { //$NON-NLS-1$
			return restOfLine(at) + " has no closing double quote (\")."; //$NON-NLS-1$
		}
		if (message.contains("Unterminated object") || message.contains("Unterminated array")) { //$NON-NLS-1$ //$NON-NLS-2$
			if (c == '}' || c == ']') {
				return "a closing " + (message.contains("Unterminated array") ? ']' : '}') + " is missing before " + c //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ "."; //$NON-NLS-1$
			}
			return c == ':' ? "expected a comma or a closing bracket, not :." //$NON-NLS-1$
					: "a comma is missing before " + token(at) + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (message.contains("Expected name")) { //$NON-NLS-1$
			return c == '}' && previousNonBlank(at) == ',' ? extraComma(previousNonBlankIndex(at))
					: c == ',' ? "remove the extra comma." //$NON-NLS-1$
							: "expected a name in double quotes, e.g. \"port\", not " + token(at) + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (message.contains("Expected ':'") && key != null && key.contains(":")) { //$NON-NLS-1$
			// the name's closing quote is missing, so the name ran on over the colon to the value's opening quote
			return "\"" + key.substring(0, key.indexOf(':')) + " has no closing double quote (\")."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (message.contains("Expected ':'")) { //$NON-NLS-1$
			return "a colon (:) is missing after " + (key == null ? "the name" : "\"" + key + "\"") + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
		if (message.contains("Unexpected value")) { //$NON-NLS-1$
			return "a value is missing after " + (key == null ? "the name" : "\"" + key + "\":") + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
		return lenient(c);
	}

	/** What Gson only accepts when lenient: comments, single quotes, unquoted words, extra commas, more text. */
	private String lenient(char c) {
		if (c == '/' || c == '#') {
			return "JSON has no comments: remove this one."; //$NON-NLS-1$
		}
		if (c == '\'') {
			return "use double quotes (\") instead of single quotes (')."; //$NON-NLS-1$
		}
		if (c == ',') {
			return "remove the extra comma."; //$NON-NLS-1$
		}
		if ("$".equals(path) && previousNonBlankIndex(at) < 0) { //$NON-NLS-1$
			return "config.json must begin with {: remove " + token(at) + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if ("$".equals(path) && text.lastIndexOf('{', at) < 0) { //$NON-NLS-1$
			line = 1;
			return "config.json must begin with {: the opening brace is missing."; //$NON-NLS-1$
		}
		if (DELIMITERS.indexOf(c) >= 0 || "$".equals(path)) { //$NON-NLS-1$
			return "there is more after the closing }: remove " + token(at) + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String word = word(at);
		int after = nextNonBlank(at + word.length());
		char next = after < 0 ? 0 : text.charAt(after);
		if (next == '"') {
			return "a double quote is missing before " + word + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (next == ':') {
			return "the name " + word + " needs double quotes: \"" + word + "\"."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (PYTHON_WORDS.containsKey(word)) {
			return "JSON writes " + PYTHON_WORDS.get(word) + ", not " + word + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
			return word + " is not a number JSON accepts (no leading zeros, no + sign); a text needs double quotes."; //$NON-NLS-1$
		}
		return "the text " + word + " needs double quotes: \"" + word + "\"."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private String extraComma(int comma) {
		line = lineOf(comma);
		return "remove the comma after the last entry."; //$NON-NLS-1$
	}

	/** A quoted name or text, or a word, as the user wrote it. */
	private String token(int index) {
		if (index < 0 || index >= text.length()) {
			return "the end"; //$NON-NLS-1$
		}
		if (text.charAt(index) == '"') {
			int end = text.indexOf('"', index + 1);
			int eol = text.indexOf('\n', index);
			if (end > 0 && (eol < 0 || end < eol)) {
				return text.substring(index, end + 1);
			}
			return restOfLine(index);
		}
		String word = word(index);
		return word.isEmpty() ? String.valueOf(text.charAt(index)) : word;
	}

	private String word(int index) {
		int end = index;
		while (end < text.length() && DELIMITERS.indexOf(text.charAt(end)) < 0) {
			end++;
		}
		return text.substring(index, end);
	}

	private String restOfLine(int index) {
		if (index < 0) {
			return "a text"; //$NON-NLS-1$
		}
		int eol = text.indexOf('\n', index);
		return text.substring(index, eol < 0 ? text.length() : eol).strip();
	}

	private int nextNonBlank(int from) {
		for (int i = Math.max(0, from); i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private char previousNonBlank(int before) {
		int i = previousNonBlankIndex(before);
		return i < 0 ? 0 : text.charAt(i);
	}

	private int previousNonBlankIndex(int before) {
		for (int i = before - 1; i >= 0; i--) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private int lineOf(int offset) {
		int l = 1;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				l++;
			}
		}
		return l;
	}
}
