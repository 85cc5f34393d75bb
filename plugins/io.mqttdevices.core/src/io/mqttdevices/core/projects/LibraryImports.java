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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.templates.Runtime;

/**
 * Finds the imports of a {@code .py} file that need a library the project does not declare, where that can be known
 * without the board: on CircuitPython the Adafruit bundle's {@code adafruit_*} modules (none is in the firmware but
 * the two core modules below), on MicroPython micropython-lib's {@code umqtt} packages (frozen into some firmware,
 * so declaring them costs nothing: the install finds them there).
 */
public final class LibraryImports {

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*)"); //$NON-NLS-1$
	private static final Pattern FROM = Pattern.compile("^\\s*from\\s+([\\w][\\w.]*)\\s+import\\b"); //$NON-NLS-1$
	/** adafruit_* modules CircuitPython has built in (core modules), so no bundle copy is needed. */
	private static final Set<String> CIRCUITPYTHON_BUILT_IN = Set.of("adafruit_bus_device", "adafruit_pixelbuf"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final String ADAFRUIT_PREFIX = "adafruit_"; //$NON-NLS-1$
	private static final String UMQTT_PREFIX = "umqtt."; //$NON-NLS-1$

	private LibraryImports() {
	}

	/**
	 * Warnings for the imports of {@code fileName}'s {@code text} that no declared library provides.
	 *
	 * @param local whether a top-level module name is the project's own (a {@code .py} file or a folder)
	 */
	public static List<ConfigProblem> check(Runtime runtime, String fileName, String text, List<Requirement> declared,
			Predicate<String> local) {
		Set<String> names = new LinkedHashSet<>();
		declared.forEach(r -> names.add(normalized(r.name())));
		List<ConfigProblem> problems = new ArrayList<>();
		Set<String> reported = new LinkedHashSet<>();
		String[] lines = text.split("\\R", -1); //$NON-NLS-1$
		for (int i = 0; i < lines.length; i++) {
			for (String module : imported(lines[i])) {
				String library = library(runtime, module);
				if (library == null || names.contains(normalized(library)) || local.test(module.split("\\.")[0]) //$NON-NLS-1$
						|| !reported.add(library)) {
					continue;
				}
				int line = i + 1;
				problems.add(new ConfigProblem(line, false, runtime == Runtime.MICROPYTHON
						? fileName + " imports " + library + ", which package.json does not declare: add [\"" + library //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
								+ "\", \"latest\"] to its \"deps\", so Upload to Board installs it." //$NON-NLS-1$
						: fileName + " imports " + library + ", which requirements.txt does not list: add the line " //$NON-NLS-1$ //$NON-NLS-2$
								+ library + ", so Flash to CIRCUITPY installs it.")); //$NON-NLS-1$
			}
		}
		return problems;
	}

	/** The modules a line imports, dotted names as written. */
	static List<String> imported(String line) {
		int comment = line.indexOf('#');
		String code = comment >= 0 ? line.substring(0, comment) : line;
		Matcher from = FROM.matcher(code);
		if (from.find()) {
			return List.of(from.group(1));
		}
		Matcher plain = IMPORT.matcher(code);
		if (!plain.find()) {
			return List.of();
		}
		List<String> modules = new ArrayList<>();
		for (String part : plain.group(1).split(",")) { //$NON-NLS-1$
			modules.add(part.strip().split("\\s+")[0]); //$NON-NLS-1$
		}
		return modules;
	}

	/** The library that provides {@code module}, when it is one this class knows needs installing. */
	private static String library(Runtime runtime, String module) {
		if (runtime == Runtime.MICROPYTHON) {
			String[] parts = module.split("\\."); //$NON-NLS-1$
			return module.startsWith(UMQTT_PREFIX) && parts.length >= 2 ? parts[0] + '.' + parts[1] : null;
		}
		String top = module.split("\\.")[0]; //$NON-NLS-1$
		return top.startsWith(ADAFRUIT_PREFIX) && !CIRCUITPYTHON_BUILT_IN.contains(top) ? top : null;
	}

	/** circup takes a module name or its PyPI name: adafruit-circuitpython-minimqtt is adafruit_minimqtt. */
	private static String normalized(String name) {
		String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
		return n.startsWith("adafruit_circuitpython_") ? ADAFRUIT_PREFIX + n.substring("adafruit_circuitpython_".length()) : n; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
