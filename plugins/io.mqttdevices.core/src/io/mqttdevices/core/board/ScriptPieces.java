/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.board;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python program cut into pieces a small board can compile one at a time: whole top-level statements (a
 * decorator stays with its {@code def}, {@code else}/{@code elif}/{@code except}/{@code finally} with their
 * statement), as many as fit in a budget of source bytes; a statement larger than the budget is a piece of its own.
 * Run one after the other in the same globals, the pieces do what the program does, except that a syntax error in a
 * later piece shows only after the earlier ones ran. Each piece starts with as many empty lines as the program has
 * before it, so the board's tracebacks give the program's line numbers.
 */
public final class ScriptPieces {

	private static final List<String> CONTINUATIONS = List.of("else", "elif", "except", "finally"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private ScriptPieces() {
	}

	/**
	 * @param source the program
	 * @param budget the most source bytes (UTF-8) a piece should carry, the empty lines before it not counted
	 */
	public static List<String> split(String source, int budget) {
		List<Integer> starts = statementStarts(source);
		List<String> pieces = new ArrayList<>();
		int pieceStart = 0;
		int pieceBytes = 0;
		for (int i = 0; i < starts.size(); i++) {
			int from = starts.get(i);
			int to = i + 1 < starts.size() ? starts.get(i + 1) : source.length();
			int bytes = utf8Length(source, from, to);
			if (pieceBytes > 0 && pieceBytes + bytes > budget) {
				pieces.add(piece(source, pieceStart, from));
				pieceStart = from;
				pieceBytes = 0;
			}
			pieceBytes += bytes;
		}
		if (pieceStart < source.length() || pieces.isEmpty()) {
			pieces.add(piece(source, pieceStart, source.length()));
		}
		return pieces;
	}

	private static String piece(String source, int from, int to) {
		int lines = 0;
		for (int i = 0; i < from; i++) {
			if (source.charAt(i) == '\n') {
				lines++;
			}
		}
		return "\n".repeat(lines) + source.substring(from, to); //$NON-NLS-1$
	}

	/** Where the top-level statements start (the first at 0), at the start of their first line. */
	static List<Integer> statementStarts(String source) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		int depth = 0;
		char quote = 0;
		boolean triple = false;
		boolean continued = false; // the last line ended with a backslash
		boolean afterDecorator = false;
		boolean first = true; // no statement seen yet: what comes before the first one stays with it
		int i = 0;
		int n = source.length();
		while (i < n) {
			// at the start of a line
			if (quote == 0 && depth == 0 && !continued) {
				char c = source.charAt(i);
				if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '#' && c != '\f') {
					if (!first && !afterDecorator && !startsWithContinuation(source, i)) {
						starts.add(i);
					}
					first = false;
					afterDecorator = c == '@';
				}
			}
			continued = false;
			// through the line
			while (i < n) {
				char c = source.charAt(i++);
				if (quote != 0) {
					if (c == '\\') {
						if (i < n && source.charAt(i) == '\r') {
							i++;
						}
						i++;
					} else if (c == quote && (!triple || source.startsWith(String.valueOf(quote).repeat(2), i))) {
						i += triple ? 2 : 0;
						quote = 0;
					} else if (c == '\n') {
						if (!triple) {
							quote = 0; // an unterminated string: the board will say so
						}
						break;
					}
				} else if (c == '#') {
					while (i < n && source.charAt(i) != '\n') {
						i++;
					}
				} else if (c == '\'' || c == '"') {
					quote = c;
					triple = source.startsWith(String.valueOf(c).repeat(2), i);
					i += triple ? 2 : 0;
				} else if (c == '(' || c == '[' || c == '{') {
					depth++;
				} else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
					depth--;
				} else if (c == '\\' && (i == n || source.charAt(i) == '\n' || source.charAt(i) == '\r')) {
					continued = true;
				} else if (c == '\n') {
					break;
				}
			}
		}
		return starts;
	}

	private static boolean startsWithContinuation(String source, int at) {
		for (String keyword : CONTINUATIONS) {
			int end = at + keyword.length();
			if (source.startsWith(keyword, at)
					&& (end == source.length() || !Character.isJavaIdentifierPart(source.charAt(end)))) {
				return true;
			}
		}
		return false;
	}

	private static int utf8Length(String text, int from, int to) {
		int bytes = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			} else if (c < 0x800) {
				bytes += 2;
			} else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			} else {
				bytes += 3;
			}
		}
		return bytes;
	}
}
