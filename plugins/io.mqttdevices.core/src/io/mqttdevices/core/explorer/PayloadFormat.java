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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BiConsumer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * How a payload is shown: JSON pretty-printed by Gson, UTF-8 text as it is, anything else as a hex dump. Never
 * cut: the caller decides how much of a huge result to put on screen at once.
 */
public final class PayloadFormat {

	/** What the payload turned out to be. */
	public enum Kind {
		JSON, TEXT, BINARY
	}

	/** The payload's text for the screen and what it is. */
	public record Formatted(Kind kind, String text) {
	}

	private PayloadFormat() {
	}

	public static Formatted format(byte[] payload) {
		String text = utf8(payload);
		if (text == null || hasControlCharacters(text)) {
			return new Formatted(Kind.BINARY, hexDump(payload));
		}
		JsonElement json = json(text);
		if (json != null && (json.isJsonObject() || json.isJsonArray())) {
			return new Formatted(Kind.JSON,
					new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json));
		}
		return new Formatted(Kind.TEXT, text);
	}

	/** One line of the tree: the payload's start as text, or its size for binary. */
	public static String preview(byte[] payload, int maxChars) {
		String text = utf8(payload.length > maxChars * 4 ? java.util.Arrays.copyOf(payload, maxChars * 4) : payload);
		if (text == null && payload.length > maxChars * 4) {
			text = utf8(java.util.Arrays.copyOf(payload, maxChars)); // cut inside a character: try shorter
		}
		if (text == null || hasControlCharacters(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
			return "<" + payload.length + " bytes binary>"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String line = text.replace('\n', ' ').replace('\r', ' ');
		return line.length() > maxChars ? line.substring(0, maxChars) + '…' : line;
	}

	/**
	 * The numbers a payload carries, by name: a plain number is {@code value}; a JSON object's number fields are
	 * named by their path ({@code env.temp}). Empty when there is none.
	 */
	public static void numbers(byte[] payload, BiConsumer<String, Double> sink) {
		String text = utf8(payload);
		if (text == null) {
			return;
		}
		String trimmed = text.trim();
		try {
			sink.accept("value", Double.parseDouble(trimmed)); //$NON-NLS-1$
			return;
		} catch (NumberFormatException e) {
			// not a plain number
		}
		JsonElement json = json(trimmed);
		if (json != null) {
			collect("", json, sink); //$NON-NLS-1$
		}
	}

	public static String hexDump(byte[] payload) {
		StringBuilder out = new StringBuilder(payload.length * 4 + 16);
		HexFormat hex = HexFormat.of();
		for (int offset = 0; offset < payload.length; offset += 16) {
			out.append(String.format("%08x  ", offset)); //$NON-NLS-1$
			int end = Math.min(offset + 16, payload.length);
			for (int i = offset; i < offset + 16; i++) {
				out.append(i < end ? hex.toHexDigits(payload[i]) + ' ' : "   "); //$NON-NLS-1$
			}
			out.append(' ');
			for (int i = offset; i < end; i++) {
				char c = (char) (payload[i] & 0xff);
				out.append(c >= 0x20 && c < 0x7f ? c : '.');
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** The payload as UTF-8 text, or null if it is not valid UTF-8. */
	public static String utf8(byte[] payload) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}

	private static JsonElement json(String text) {
		String t = text.trim();
		if (t.isEmpty()) {
			return null;
		}
		try {
			return JsonParser.parseString(t);
		} catch (JsonParseException e) {
			return null;
		}
	}

	private static void collect(String path, JsonElement element, BiConsumer<String, Double> sink) {
		if (element.isJsonPrimitive()) {
			JsonPrimitive p = element.getAsJsonPrimitive();
			if (p.isNumber()) {
				sink.accept(path.isEmpty() ? "value" : path, p.getAsDouble()); //$NON-NLS-1$
			}
		} else if (element.isJsonObject()) {
			for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
				collect(path.isEmpty() ? e.getKey() : path + '.' + e.getKey(), e.getValue(), sink);
			}
		}
	}

	private static boolean hasControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
				return true;
			}
		}
		return false;
	}
}
