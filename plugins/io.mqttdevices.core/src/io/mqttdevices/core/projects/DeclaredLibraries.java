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

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.templates.Runtime;

/**
 * The libraries a sensor project declares its board needs, in the file the community's tool reads: MicroPython's
 * {@code package.json} as {@code mip} reads it ({@code "deps": [["umqtt.simple", "latest"], ...]}), CircuitPython's
 * {@code requirements.txt} as {@code circup install -r} reads it (one module a line, {@code #} comments, an optional
 * {@code ==version}). Problems come with their line, in the words of {@link ConfigValidator}.
 */
public final class DeclaredLibraries {

	/** What a file declares, and what is wrong in it (nothing is declared from a line with a problem). */
	public record Declared(List<Requirement> requirements, List<ConfigProblem> problems) {

		public static final Declared NONE = new Declared(List.of(), List.of());

		public Declared {
			requirements = List.copyOf(requirements);
			problems = List.copyOf(problems);
		}

		public boolean declares(String name) {
			return requirements.stream().anyMatch(r -> r.name().equals(name));
		}
	}

	/** A name as mip and circup take it: a package or module name, or for mip a github: or http(s): URL. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*|(github|gitlab):\\S+|https?://\\S+"); //$NON-NLS-1$
	/** circup's requirement line: a name, then an optional version specifier and environment marker it ignores. */
	private static final Pattern REQUIREMENT = Pattern.compile("([^<>=!~;\\[\\s]+)\\s*(?:==\\s*([^\\s;]+)|[<>=!~][^;]*)?\\s*(?:;.*)?"); //$NON-NLS-1$
	private static final String LATEST = "latest"; //$NON-NLS-1$

	private DeclaredLibraries() {
	}

	/** The project's declaration for its runtime; {@link Declared#NONE} when the file is not there. */
	public static Declared read(Path projectFolder, Runtime runtime) throws IOException {
		Path file = projectFolder.resolve(runtime.librariesFile());
		if (!Files.isRegularFile(file)) {
			return Declared.NONE;
		}
		return parse(runtime, Files.readString(file, StandardCharsets.UTF_8));
	}

	public static Declared parse(Runtime runtime, String text) {
		return runtime == Runtime.MICROPYTHON ? parsePackageJson(text) : parseRequirements(text);
	}

	/** mip's {@code package.json}: its {@code "deps"}, each {@code [name]} or {@code [name, version]}. */
	public static Declared parsePackageJson(String text) {
		JsonElement root;
		try {
			JsonReader reader = new JsonReader(new StringReader(text));
			reader.setStrictness(Strictness.STRICT);
			root = JsonParser.parseReader(reader);
			if (reader.peek() != JsonToken.END_DOCUMENT) {
				throw new JsonParseException("Unexpected text after the object " + reader); //$NON-NLS-1$
			}
		} catch (JsonParseException | IOException | IllegalStateException e) {
			return new Declared(List.of(), List.of(JsonSyntax.explain(text, e.getMessage())));
		}
		List<Requirement> requirements = new ArrayList<>();
		List<ConfigProblem> problems = new ArrayList<>();
		if (!root.isJsonObject()) {
			problems.add(new ConfigProblem(1, true,
					"package.json must hold one object in braces: { \"deps\": [[\"umqtt.simple\", \"latest\"]] }")); //$NON-NLS-1$
			return new Declared(requirements, problems);
		}
		JsonObject object = root.getAsJsonObject();
		if (!object.has("deps")) { //$NON-NLS-1$
			return new Declared(requirements, problems);
		}
		int depsLine = lineOf(text, text.indexOf("\"deps\"")); //$NON-NLS-1$
		if (!object.get("deps").isJsonArray()) { //$NON-NLS-1$
			problems.add(new ConfigProblem(depsLine, true, "Line " + depsLine //$NON-NLS-1$
					+ ": \"deps\" must be a list of [name, version] pairs, like [[\"umqtt.simple\", \"latest\"]].")); //$NON-NLS-1$
			return new Declared(requirements, problems);
		}
		int from = Math.max(0, text.indexOf("\"deps\"")); //$NON-NLS-1$
		for (JsonElement dep : object.getAsJsonArray("deps")) { //$NON-NLS-1$
			String name = dep.isJsonArray() && !dep.getAsJsonArray().isEmpty() ? string(dep.getAsJsonArray().get(0)) : null;
			int at = name == null ? -1 : text.indexOf('"' + name + '"', from);
			int line = at < 0 ? depsLine : lineOf(text, at);
			if (at >= 0) {
				from = at + name.length() + 2;
			}
			JsonArray pair = dep.isJsonArray() ? dep.getAsJsonArray() : null;
			String version = pair != null && pair.size() == 2 ? string(pair.get(1)) : null;
			if (name == null || pair.size() > 2 || (pair.size() == 2 && version == null)) {
				problems.add(new ConfigProblem(line, true, "Line " + line + ": each entry of \"deps\" is [name] or" //$NON-NLS-1$ //$NON-NLS-2$
						+ " [name, version] in quotes, like [\"umqtt.simple\", \"latest\"].")); //$NON-NLS-1$
			} else if (!NAME.matcher(name).matches()) {
				problems.add(badName(line, name, "umqtt.simple")); //$NON-NLS-1$
			} else {
				requirements.add(new Requirement(name, version == null || version.equals(LATEST) ? null : version, line));
			}
		}
		return new Declared(requirements, problems);
	}

	/** circup's {@code requirements.txt}. */
	public static Declared parseRequirements(String text) {
		List<Requirement> requirements = new ArrayList<>();
		List<ConfigProblem> problems = new ArrayList<>();
		String[] lines = text.split("\\R", -1); //$NON-NLS-1$
		for (int i = 0; i < lines.length; i++) {
			int line = i + 1;
			String content = lines[i];
			int hash = content.indexOf('#');
			if (hash >= 0) {
				content = content.substring(0, hash);
			}
			content = content.strip();
			if (content.isEmpty()) {
				continue;
			}
			Matcher matcher = REQUIREMENT.matcher(content);
			if (!matcher.matches() || !NAME.matcher(matcher.group(1)).matches() || matcher.group(1).contains(":")) { //$NON-NLS-1$
				problems.add(badName(line, content, "adafruit_minimqtt")); //$NON-NLS-1$
			} else {
				requirements.add(new Requirement(matcher.group(1), matcher.group(2), line));
			}
		}
		return new Declared(requirements, problems);
	}

	private static ConfigProblem badName(int line, String what, String example) {
		return new ConfigProblem(line, true, "Line " + line + ": \"" + what + "\" is not a library name: write one" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ " name like " + example + "."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String string(JsonElement element) {
		return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() ? element.getAsString() : null;
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}
}
