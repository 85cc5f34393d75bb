/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A package as resolved from the index or its URL: its own files and the packages it depends on (shared between
 * the libraries of one {@link MipPlan}, so a dependency is fetched and installed once).
 */
public final class MipLibrary {

	private final String name;
	private final String version;
	private final List<MipFile> files;
	private final List<MipLibrary> deps = new ArrayList<>();
	private final String problem;

	MipLibrary(String name, String version, List<MipFile> files, String problem) {
		this.name = name;
		this.version = version;
		this.files = List.copyOf(files);
		this.problem = problem;
	}

	static MipLibrary failed(String name, String problem) {
		return new MipLibrary(name, null, List.of(), problem);
	}

	/** The name as the requirement or the depending package wrote it (an index name or a URL). */
	public String name() {
		return name;
	}

	/** The version the index or the package's {@code package.json} gives, or null. */
	public String version() {
		return version;
	}

	/** Its own files, without its dependencies'. */
	public List<MipFile> files() {
		return files;
	}

	public List<MipLibrary> deps() {
		return List.copyOf(deps);
	}

	void addDep(MipLibrary dep) {
		deps.add(dep);
	}

	/** Why it cannot be installed, one sentence (its own problem, not a dependency's), or null. */
	public String problem() {
		return problem;
	}

	/** It and its dependencies, each once, itself first (a cycle ends where it closes). */
	public List<MipLibrary> closure() {
		Set<MipLibrary> seen = new LinkedHashSet<>();
		collect(this, seen);
		return List.copyOf(seen);
	}

	/** The files of the closure, each target path once (the first package naming it wins). */
	public List<MipFile> allFiles() {
		Set<String> paths = new LinkedHashSet<>();
		List<MipFile> all = new ArrayList<>();
		for (MipLibrary library : closure()) {
			for (MipFile file : library.files) {
				if (paths.add(file.path())) {
					all.add(file);
				}
			}
		}
		return all;
	}

	/**
	 * The modules its own files make importable, as {@code import} names them ({@code umqtt/simple.mpy} is
	 * {@code umqtt.simple}, {@code aioble/__init__.py} is {@code aioble}); data files are not modules.
	 */
	List<String> moduleNames() {
		List<String> names = new ArrayList<>();
		for (MipFile file : files) {
			String path = file.path().replaceFirst("\\.m?py$", ""); //$NON-NLS-1$ //$NON-NLS-2$
			if (!path.equals(file.path())) {
				names.add(path.replaceFirst("/__init__$", "").replace('/', '.')); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return names;
	}

	/** Why it or a dependency cannot be installed, as one sentence naming the package, or null when it can. */
	public String closureProblem() {
		for (MipLibrary library : closure()) {
			if (library.problem != null) {
				return library == this ? problem
						: String.format("%s needs %s, and %s", name, library.name, uncapitalized(library.problem)); //$NON-NLS-1$
			}
		}
		return null;
	}

	private static String uncapitalized(String sentence) {
		return sentence.isEmpty() || Character.isUpperCase(sentence.charAt(0)) && sentence.length() > 1
				&& Character.isUpperCase(sentence.charAt(1)) ? sentence
						: Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
	}

	private static void collect(MipLibrary library, Set<MipLibrary> seen) {
		if (seen.add(library)) {
			for (MipLibrary dep : library.deps) {
				collect(dep, seen);
			}
		}
	}

	@Override
	public String toString() {
		return name + (version == null ? "" : " " + version); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
