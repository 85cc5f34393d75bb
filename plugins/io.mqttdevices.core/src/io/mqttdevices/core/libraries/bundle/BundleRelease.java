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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mqttdevices.core.libraries.LibraryException;

/**
 * One release of a bundle: its tag and the libraries its JSON metadata lists.
 *
 * @param source the bundle
 * @param tag the release's tag, a date like {@code 20241128}
 * @param modules the libraries by module name
 */
public record BundleRelease(BundleSource source, String tag, Map<String, BundleModule> modules) {

	public BundleRelease {
		modules = Map.copyOf(modules);
	}

	/** "Adafruit CircuitPython Bundle 20241128". */
	public String label() {
		return source.name() + ' ' + tag;
	}

	/**
	 * The library a name means: a module name ({@code adafruit_minimqtt}) or a PyPI name as requirements.txt files
	 * and circup accept them ({@code adafruit-circuitpython-minimqtt}); case and {@code -}/{@code _} do not count.
	 */
	public Optional<BundleModule> find(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		BundleModule exact = modules.get(wanted);
		if (exact != null) {
			return Optional.of(exact);
		}
		String normalized = normalize(wanted);
		return modules.values().stream()
				.filter(m -> normalize(m.name()).equals(normalized) || normalize(m.pypiName()).equals(normalized))
				.findFirst();
	}

	private static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Reads a release's metadata file. */
	public static BundleRelease read(BundleSource source, String tag, Path json) throws LibraryException {
		try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
			JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
			Map<String, BundleModule> modules = new LinkedHashMap<>();
			for (Map.Entry<String, JsonElement> entry : root.entrySet()) {
				JsonObject m = entry.getValue().getAsJsonObject();
				String name = entry.getKey();
				modules.put(name.toLowerCase(Locale.ROOT), new BundleModule(name, string(m, "version"), //$NON-NLS-1$
						string(m, "pypi_name"), m.has("package") && m.get("package").getAsBoolean(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						m.has("path") ? string(m, "path") : "lib/" + name, strings(m, "dependencies"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						strings(m, "external_dependencies"))); //$NON-NLS-1$
			}
			return new BundleRelease(source, tag, modules);
		} catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException e) {
			throw new LibraryException("The library list of the " + source.name() + ' ' + tag + " (" //$NON-NLS-1$ //$NON-NLS-2$
					+ source.metadata(tag) + ") is not in the bundle's JSON format; check the bundle URL in " //$NON-NLS-1$
					+ "Preferences > MQTT Devices.", e); //$NON-NLS-1$
		}
	}

	private static String string(JsonObject object, String key) {
		JsonElement value = object.get(key);
		return value == null || value.isJsonNull() ? "" : value.getAsString(); //$NON-NLS-1$
	}

	private static List<String> strings(JsonObject object, String key) {
		List<String> result = new ArrayList<>();
		JsonElement value = object.get(key);
		if (value != null && value.isJsonArray()) {
			JsonArray array = value.getAsJsonArray();
			array.forEach(e -> result.add(e.getAsString()));
		}
		return result;
	}
}
