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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file shipped in this package with {@code @NAME@} placeholders. Rendering fails on a placeholder left
 * without a value, so no half-filled file is ever generated.
 */
final class Template {

	private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z_]*)@"); //$NON-NLS-1$

	private Template() {
	}

	/** Whether {@code path} (relative to this package) exists. */
	static boolean exists(String path) {
		return Template.class.getResource(path) != null;
	}

	static String render(String path, Map<String, String> values) {
		return fill(load(path), values);
	}

	static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("No value for @" + matcher.group(1) + "@"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	static String load(String path) {
		try (InputStream in = Template.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing template " + path); //$NON-NLS-1$
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
