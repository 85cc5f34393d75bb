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

import java.io.ByteArrayOutputStream;

/**
 * Python bytes literals that carry any data with the fewest extra bytes. MicroPython's lexer keeps the bytes of a
 * bytes literal as they are (8-bit clean), so only what would end the literal or disturb the raw REPL is escaped:
 * the backslash, the quote (whichever of {@code '} and {@code "} the data has fewer of, in a triple-quoted literal
 * so line feeds stay as they are), the carriage return (the lexer turns it into a line feed) and the control bytes
 * 0x00 to 0x04 (Ctrl-A to Ctrl-D steer the raw REPL). Python text grows by about 1%, random bytes by about 4%;
 * base64 would add 33%.
 */
public final class PythonBytes {

	private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII); //$NON-NLS-1$

	private PythonBytes() {
	}

	/** A Python string literal of any text: quotes, backslashes and control characters escaped. */
	public static String stringLiteral(String text) {
		StringBuilder literal = new StringBuilder("'"); //$NON-NLS-1$
		for (char c : text.toCharArray()) {
			if (c == '\\' || c == '\'') {
				literal.append('\\').append(c);
			} else if (c < 0x20) {
				literal.append(String.format("\\x%02x", (int) c)); //$NON-NLS-1$
			} else {
				literal.append(c);
			}
		}
		return literal.append('\'').toString();
	}

	/** Appends {@code b'''...'''} (or with {@code "}) holding {@code data[offset, offset + length)}. */
	public static void append(ByteArrayOutputStream out, byte[] data, int offset, int length) {
		byte quote = fewerQuote(data, offset, length);
		out.write('b');
		for (int i = 0; i < 3; i++) {
			out.write(quote);
		}
		for (int i = offset; i < offset + length; i++) {
			int c = data[i] & 0xff;
			if (c == '\\' || c == quote) {
				out.write('\\');
				out.write(c);
			} else if (c == '\r') {
				out.write('\\');
				out.write('r');
			} else if (c <= 0x04) {
				out.write('\\');
				out.write('x');
				out.write(HEX[c >> 4]);
				out.write(HEX[c & 0xf]);
			} else {
				out.write(c);
			}
		}
		for (int i = 0; i < 3; i++) {
			out.write(quote);
		}
	}

	/** The length of the literal {@link #append} would write. */
	public static int length(byte[] data, int offset, int length) {
		byte quote = fewerQuote(data, offset, length);
		int n = 7;
		for (int i = offset; i < offset + length; i++) {
			n += encodedLength(data[i] & 0xff, quote);
		}
		return n;
	}

	/**
	 * How many bytes from {@code offset} fit in a literal of at most {@code budget} bytes (at least one).
	 */
	public static int fit(byte[] data, int offset, int budget) {
		// a quote costs one extra byte only when it is the one escaped: the one the data has fewer of
		int n = 0;
		int size = 7;
		int single = 0;
		int dbl = 0;
		while (offset + n < data.length) {
			int c = data[offset + n] & 0xff;
			int plain = c == '\'' || c == '"' ? 1 : encodedLength(c, (byte) -1);
			int s = single + (c == '\'' ? 1 : 0);
			int d = dbl + (c == '"' ? 1 : 0);
			if (size + plain + Math.min(s, d) - Math.min(single, dbl) > budget && n > 0) {
				break;
			}
			size += plain + Math.min(s, d) - Math.min(single, dbl);
			single = s;
			dbl = d;
			n++;
		}
		return n;
	}

	private static int encodedLength(int c, byte quote) {
		if (c == '\\' || c == quote || c == '\r') {
			return 2;
		}
		return c <= 0x04 ? 4 : 1;
	}

	private static byte fewerQuote(byte[] data, int offset, int length) {
		int single = 0;
		int dbl = 0;
		for (int i = offset; i < offset + length; i++) {
			if (data[i] == '\'') {
				single++;
			} else if (data[i] == '"') {
				dbl++;
			}
		}
		return single <= dbl ? (byte) '\'' : (byte) '"';
	}
}
