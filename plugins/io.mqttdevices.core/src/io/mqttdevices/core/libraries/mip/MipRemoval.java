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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.mqttdevices.core.board.BoardException;
import io.mqttdevices.core.board.PythonBytes;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.libraries.RemoveReport;

/**
 * One removal on a MicroPython board, planned from the index: the files each named library lists itself (with the
 * same path in the other flavour, {@code .py} beside {@code .mpy}, as a change of the compiled preference leaves
 * them), never its dependencies' nor a file a library that stays lists too; a named library that one staying needs is
 * left whole. The files go, and the folders in the library folder they leave empty, in one command.
 */
final class MipRemoval {

	private final MipBoard board;
	private final List<MipPlan.Entry> asked;
	private final List<MipPlan.Entry> staying;

	/**
	 * @param plan the libraries to remove, then the rest of the declaration
	 * @param count how many of the plan's entries are to be removed
	 */
	MipRemoval(MipBoard board, MipPlan plan, int count) {
		this.board = board;
		this.asked = plan.requested().subList(0, count);
		this.staying = plan.requested().subList(count, plan.requested().size());
	}

	RemoveReport run(RawRepl repl) throws IOException {
		Set<MipLibrary> going = new HashSet<>();
		asked.forEach(e -> going.add(e.library()));
		Map<MipLibrary, String> neededBy = new HashMap<>();
		Set<String> keptPaths = new HashSet<>();
		for (MipPlan.Entry entry : staying) {
			MipLibrary stays = entry.library();
			if (going.contains(stays)) {
				continue; // declared and asked to go
			}
			for (MipLibrary part : stays.closure()) {
				if (going.contains(part)) {
					neededBy.putIfAbsent(part, stays.name());
				}
				part.files().forEach(f -> keptPaths.addAll(withTwin(board.target(f))));
			}
		}

		Map<String, String> notRemoved = new LinkedHashMap<>();
		Map<String, List<String>> pathsOf = new LinkedHashMap<>();
		Set<String> done = new HashSet<>();
		for (MipPlan.Entry entry : asked) {
			MipLibrary library = entry.library();
			String name = entry.requirement().name();
			if (!done.add(library.name())) {
				continue;
			}
			if (library.problem() != null) {
				notRemoved.put(name, library.problem());
			} else if (neededBy.containsKey(library)) {
				notRemoved.put(name, String.format("%s was not removed: %s, which stays declared, needs it.", name, //$NON-NLS-1$
						neededBy.get(library)));
			} else {
				List<String> paths = new ArrayList<>();
				library.files().forEach(f -> withTwin(board.target(f)).stream().filter(p -> !keptPaths.contains(p))
						.forEach(paths::add));
				pathsOf.put(name, paths);
			}
		}

		List<String> paths = pathsOf.values().stream().flatMap(List::stream).distinct().toList();
		List<String> folders = folders(paths);
		Map<String, Character> outcome = new HashMap<>();
		List<String> deletedFolders = new ArrayList<>();
		if (!paths.isEmpty()) {
			String[] answer = delete(repl, paths, folders);
			for (int i = 0; i < paths.size(); i++) {
				outcome.put(paths.get(i), answer[0].charAt(i));
			}
			for (int i = 0; i < folders.size(); i++) {
				if (answer[1].charAt(i) == '1') {
					deletedFolders.add(folders.get(i));
				}
			}
		}

		List<String> removed = new ArrayList<>();
		List<String> notThere = new ArrayList<>();
		List<String> deleted = new ArrayList<>();
		Map<String, MipLibrary> absent = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> library : pathsOf.entrySet()) {
			String name = library.getKey();
			List<String> gone = library.getValue().stream().filter(p -> outcome.get(p) == '1').toList();
			List<String> refused = library.getValue().stream().filter(p -> outcome.get(p) == '!').toList();
			deleted.addAll(gone);
			if (!refused.isEmpty()) {
				notRemoved.put(name, String.format("%s was not removed%s: the board would not delete %s.", name, //$NON-NLS-1$
						gone.isEmpty() ? "" : " whole", String.join(", ", refused))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} else if (!gone.isEmpty()) {
				removed.add(name);
			} else {
				asked.stream().filter(e -> e.requirement().name().equals(name)).findFirst()
						.ifPresent(e -> absent.put(name, e.library()));
			}
		}
		deleted.addAll(deletedFolders);

		// none of its files in lib/: frozen into the firmware or in the flash root, where no removal reaches
		List<String> modules = absent.values().stream().flatMap(l -> l.moduleNames().stream()).distinct().toList();
		boolean[] imports = modules.isEmpty() ? null : MipBoard.imports(repl, modules);
		for (Map.Entry<String, MipLibrary> library : absent.entrySet()) {
			List<String> names = library.getValue().moduleNames();
			if (imports != null && !names.isEmpty() && names.stream().allMatch(m -> imports[modules.indexOf(m)])) {
				notRemoved.put(library.getKey(), String.format("%s cannot be removed: the board has it outside %s/ " //$NON-NLS-1$
						+ "(built into its firmware, or in the flash root), not as a library it installed.", //$NON-NLS-1$
						library.getKey(), board.libDir()));
			} else {
				notThere.add(library.getKey());
			}
		}
		return new RemoveReport(removed, notThere, notRemoved, deleted);
	}

	/**
	 * Deletes the files that are there and then the folders left empty, in one command; answers a character a file
	 * ({@code 1} deleted, {@code 0} not there, {@code !} the board refused) and one a folder ({@code 1} deleted).
	 */
	private static String[] delete(RawRepl repl, List<String> paths, List<String> folders) throws IOException {
		String answer = repl.execOrThrow("""
				import os
				def _qrl(ps, ds):
				    r = ''
				    for p in ps:
				        try:
				            os.stat(p)
				        except OSError:
				            r += '0'
				            continue
				        try:
				            os.remove(p)
				            r += '1'
				        except OSError:
				            r += '!'
				    f = ''
				    for d in ds:
				        try:
				            os.rmdir(d)
				            f += '1'
				        except OSError:
				            f += '0'
				    print(r + '|' + f)
				_qrl([%s], [%s])
				del _qrl
				""".formatted(list(paths), list(folders))).strip(); //$NON-NLS-1$
		String[] parts = answer.split("\\|", -1); //$NON-NLS-1$
		if (parts.length != 2 || parts[0].length() != paths.size() || parts[1].length() != folders.size()) {
			throw new BoardException("The board answered the removal unexpectedly: " + answer); //$NON-NLS-1$
		}
		return parts;
	}

	/** The folders under the library folder that hold these paths, deepest first; never the library folder. */
	private List<String> folders(List<String> paths) {
		Set<String> folders = new LinkedHashSet<>();
		String lib = board.libDir() + "/"; //$NON-NLS-1$
		for (String path : paths) {
			for (int i = path.lastIndexOf('/'); i > lib.length() - 1; i = path.lastIndexOf('/', i - 1)) {
				folders.add(path.substring(0, i));
			}
		}
		List<String> sorted = new ArrayList<>(folders);
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		return sorted;
	}

	/** A module file and the same module in the other flavour ({@code .py} and {@code .mpy}); other files alone. */
	private static List<String> withTwin(String path) {
		if (path.endsWith(".mpy")) { //$NON-NLS-1$
			return List.of(path, path.substring(0, path.length() - 4) + ".py"); //$NON-NLS-1$
		}
		if (path.endsWith(".py")) { //$NON-NLS-1$
			return List.of(path, path.substring(0, path.length() - 3) + ".mpy"); //$NON-NLS-1$
		}
		return List.of(path);
	}

	private static String list(List<String> items) {
		return items.stream().map(PythonBytes::stringLiteral).collect(Collectors.joining(",")); //$NON-NLS-1$
	}
}
