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
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mqttdevices.core.board.BoardFiles;
import io.mqttdevices.core.board.DeviceEntry;
import io.mqttdevices.core.board.FileHashes;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.RemoveReport;
import io.mqttdevices.core.libraries.Requirement;

/**
 * Installs micropython-lib packages on a MicroPython board as {@code mip} does, from the host: the board says its
 * bytecode version and library folder ({@link MipBoard}), the index resolves the declared libraries for it
 * ({@link MipIndex}), every file is fetched and verified before anything reaches the board, and files the board
 * already has with the same hash are not sent. A library goes on whole or not at all: its files are uploaded
 * ({@link BoardFiles#upload}, each atomic) into a staging folder and moved into place by one command once all are
 * there; one that does not fit in the board's free space is not started, and the report says which fitted.
 */
public final class MipInstaller {

	private final MipIndex index;
	private final SyncOptions options;
	private final boolean compiled;

	/**
	 * @param compiled take the {@code .mpy} files for the board's bytecode version (mip's default); false takes the
	 *            {@code .py} sources (mip's {@code mpy=False})
	 */
	public MipInstaller(MipIndex index, SyncOptions options, boolean compiled) {
		this.index = index;
		this.options = options;
		this.compiled = compiled;
	}

	/** What the board has of each declared library. Enters the raw REPL and leaves it. */
	public List<LibraryStatus> status(RawRepl repl, List<Requirement> requirements, IProgressMonitor monitor)
			throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Checking the board's libraries", 100); //$NON-NLS-1$
		repl.enter();
		try {
			Session session = prepare(repl, requirements, progress.split(95));
			List<LibraryStatus> statuses = new ArrayList<>();
			for (MipPlan.Entry entry : session.plan.requested()) {
				statuses.add(session.status(entry));
			}
			return statuses;
		} finally {
			exitQuietly(repl);
		}
	}

	/**
	 * Installs the declared libraries and their dependencies under the board's library folder. Enters the raw REPL
	 * and leaves it.
	 *
	 * @throws LibraryException the index cannot be read (offline with no cached copy); nothing was written
	 * @throws OperationCanceledException cancelled; libraries already moved into place stay, the one being staged
	 *             is removed
	 */
	public MipInstallReport install(RawRepl repl, List<Requirement> requirements, IProgressMonitor monitor)
			throws IOException {
		long start = System.nanoTime();
		SubMonitor progress = SubMonitor.convert(monitor, "Installing libraries", 100); //$NON-NLS-1$
		repl.enter();
		try {
			Session session = prepare(repl, requirements, progress.split(30));
			if (session.onBoard.containsKey(session.board.stageDir())) {
				session.board.removeStage(repl); // what an interrupted install left
			}
			List<String> installed = new ArrayList<>();
			List<String> unchanged = new ArrayList<>();
			Map<String, String> failed = new LinkedHashMap<>();
			List<String> uploaded = new ArrayList<>();
			Set<String> written = new HashSet<>();
			long free = session.board.freeBytes();
			long bytes = 0;
			List<MipPlan.Entry> entries = session.plan.requested();
			SubMonitor writing = SubMonitor.convert(progress.split(70), Math.max(1, entries.size()));
			for (MipPlan.Entry entry : entries) {
				SubMonitor step = writing.split(1);
				MipLibrary library = entry.library();
				String name = entry.requirement().name();
				String problem = session.problem(library);
				if (problem != null) {
					failed.put(name, problem);
					continue;
				}
				if (session.elsewhere.contains(library)) {
					unchanged.add(name);
					continue;
				}
				List<MipFile> pending = new ArrayList<>();
				for (MipFile file : library.allFiles()) {
					String target = session.board.target(file);
					if (!written.contains(target) && !session.same(file)) {
						pending.add(file);
					}
				}
				if (pending.isEmpty()) {
					unchanged.add(name);
					continue;
				}
				long need = pending.stream().mapToLong(f -> session.board.footprint(session.contents.get(f).length)).sum();
				if (free >= 0 && need > free) {
					failed.put(name, String.format(
							"%s was not installed: it needs %s on the board and %s is free.", name, kb(need), kb(free))); //$NON-NLS-1$
					continue;
				}
				try {
					bytes += stageAndCommit(repl, session, pending, step);
				} catch (OperationCanceledException e) {
					session.board.removeStage(repl);
					throw e;
				} catch (IOException e) {
					failed.put(name, String.format("%s was not installed: %s", name, boardError(e))); //$NON-NLS-1$
					try {
						session.board.removeStage(repl);
					} catch (IOException gone) {
						// the board is gone: the next install clears the staging folder
					}
					for (MipPlan.Entry rest : entries.subList(entries.indexOf(entry) + 1, entries.size())) {
						failed.putIfAbsent(rest.requirement().name(), String.format(
								"%s was not installed: the install stopped at %s.", rest.requirement().name(), name)); //$NON-NLS-1$
					}
					break;
				}
				if (free >= 0) {
					free -= need;
				}
				installed.add(name);
				for (MipFile file : pending) {
					written.add(session.board.target(file));
					uploaded.add(session.board.target(file));
				}
			}
			int skipped = (int) session.contents.keySet().stream().map(session.board::target).distinct()
					.filter(t -> !written.contains(t)).filter(t -> session.sameByTarget.getOrDefault(t, false)).count();
			return new MipInstallReport(session.plan.flavour(), installed, unchanged, failed, uploaded, skipped, bytes,
					java.time.Duration.ofNanos(System.nanoTime() - start));
		} finally {
			exitQuietly(repl);
		}
	}

	/**
	 * Removes libraries from the board's library folder: the files the index lists for each (in the flavour an
	 * install would take, and the same module in the other one), and the folders there they leave empty, in one
	 * command. Not their dependencies, which the rest of the declaration or the user's code may import (mip keeps no
	 * record of what came as a dependency), and nothing a library that stays needs: a named library that one of them
	 * depends on is left whole, and so is a file one of them lists too. A library the board has only outside the
	 * library folder (frozen into the firmware, or in the flash root) cannot be removed. Enters the raw REPL and
	 * leaves it.
	 *
	 * @param declared the project's declaration; those of it not named in {@code libraries} stay
	 * @throws LibraryException the index cannot be read (offline with no cached copy); nothing was deleted
	 */
	public RemoveReport remove(RawRepl repl, List<Requirement> libraries, List<Requirement> declared,
			IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Removing libraries", 100); //$NON-NLS-1$
		repl.enter();
		try {
			progress.subTask("Asking the board"); //$NON-NLS-1$
			MipBoard board = MipBoard.probe(repl);
			progress.worked(10);
			progress.subTask("Reading the package index"); //$NON-NLS-1$
			List<Requirement> all = new ArrayList<>(libraries);
			all.addAll(declared);
			MipPlan plan = index.resolve(all, compiled && board.mpy() != null ? board.mpy() : "py", //$NON-NLS-1$
					progress.split(60));
			progress.subTask("Removing"); //$NON-NLS-1$
			RemoveReport report = new MipRemoval(board, plan, libraries.size()).run(repl);
			progress.worked(30);
			return report;
		} finally {
			exitQuietly(repl);
		}
	}

	/** Uploads a library's files into the staging folder and moves them into place; returns the bytes written. */
	private long stageAndCommit(RawRepl repl, Session session, List<MipFile> pending, SubMonitor monitor)
			throws IOException {
		long total = pending.stream().mapToLong(f -> session.contents.get(f).length).sum();
		SubMonitor transfer = SubMonitor.convert(monitor, (int) Math.max(1, total / 1024));
		List<String> stagePaths = new ArrayList<>();
		List<String> targetPaths = new ArrayList<>();
		for (MipFile file : pending) {
			stagePaths.add(session.board.staged(file));
			targetPaths.add(session.board.target(file));
		}
		session.files.mkdirs(folders(stagePaths));
		Map<String, String> moves = new LinkedHashMap<>();
		long[] done = { 0 };
		for (MipFile file : pending) {
			byte[] content = session.contents.get(file);
			transfer.subTask(session.board.target(file));
			session.files.upload(session.board.staged(file), content, n -> {
				long before = done[0] / 1024;
				done[0] += n;
				transfer.worked((int) (done[0] / 1024 - before));
			}, transfer::isCanceled);
			moves.put(session.board.staged(file), session.board.target(file));
		}
		session.files.mkdirs(folders(targetPaths));
		session.board.commit(repl, moves);
		return total;
	}

	private Session prepare(RawRepl repl, List<Requirement> requirements, SubMonitor progress) throws IOException {
		progress.setWorkRemaining(100);
		progress.subTask("Asking the board"); //$NON-NLS-1$
		BoardFiles files = BoardFiles.open(repl, options.chunkSize(), options.compress());
		MipBoard board = MipBoard.probe(repl, files.root());
		String flavour = compiled && board.mpy() != null ? board.mpy() : "py"; //$NON-NLS-1$
		progress.worked(5);
		progress.subTask("Reading the package index"); //$NON-NLS-1$
		MipPlan plan = index.resolve(requirements, flavour, progress.split(30));
		Session session = new Session(files, board, plan);
		Set<MipLibrary> libraries = new LinkedHashSet<>();
		plan.requested().forEach(e -> libraries.addAll(e.library().closure()));
		SubMonitor fetching = SubMonitor.convert(progress.split(50), Math.max(1, libraries.size()));
		for (MipLibrary library : libraries) {
			SubMonitor step = fetching.split(1);
			if (library.problem() != null) {
				continue;
			}
			for (MipFile file : library.files()) {
				step.subTask(file.source().toString());
				try {
					session.contents.put(file, Files.readAllBytes(index.fetcher().fetch(file.source(), file.hash(), step)));
				} catch (LibraryException e) {
					if (step.isCanceled()) {
						throw new OperationCanceledException();
					}
					session.fetchProblems.put(library, e.getMessage());
					break;
				}
			}
		}
		progress.subTask("Comparing with the board"); //$NON-NLS-1$
		Map<String, Long> sizes = new HashMap<>();
		session.contents.forEach((file, content) -> sizes.put(board.target(file), (long) content.length));
		List<DeviceEntry> entries = files.list(sizes);
		for (DeviceEntry entry : entries) {
			session.onBoard.put(entry.path(), entry);
		}
		session.contents.forEach((file, content) -> session.sameByTarget.put(board.target(file), session.same(file)));
		findElsewhere(repl, session);
		progress.worked(15);
		return session;
	}

	/**
	 * Notes the requested libraries that have none of their files in the library folder but that the board imports
	 * all the same: frozen into the firmware (umqtt.simple on ESP32 and larger ESP8266 builds), or in the flash
	 * root. A copy in {@code lib} would not be used (frozen modules come first on {@code sys.path}) and only costs
	 * flash, so they count as installed.
	 */
	private static void findElsewhere(RawRepl repl, Session session) throws IOException {
		Map<MipLibrary, List<String>> modules = new LinkedHashMap<>();
		for (MipPlan.Entry entry : session.plan.requested()) {
			MipLibrary library = entry.library();
			if (library.problem() != null || library.files().isEmpty()
					|| library.files().stream().anyMatch(f -> session.onBoard.containsKey(session.board.target(f)))) {
				continue;
			}
			List<String> names = library.moduleNames();
			if (!names.isEmpty()) {
				modules.put(library, names);
			}
		}
		if (modules.isEmpty()) {
			return;
		}
		List<String> all = modules.values().stream().flatMap(List::stream).distinct().toList();
		boolean[] answer = MipBoard.imports(repl, all);
		if (answer == null) {
			return; // the board could not tell: the libraries count as missing, as before
		}
		modules.forEach((library, names) -> {
			if (names.stream().allMatch(m -> answer[all.indexOf(m)])) {
				session.elsewhere.add(library);
			}
		});
	}

	/** Parents first, the library folder included. */
	private static List<String> folders(List<String> paths) {
		Set<String> folders = new LinkedHashSet<>();
		for (String path : paths) {
			for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
				folders.add(path.substring(0, i));
			}
		}
		List<String> sorted = new ArrayList<>(folders);
		sorted.sort(Comparator.comparingInt(String::length));
		return sorted;
	}

	private static String boardError(IOException e) {
		String message = e.getMessage() == null ? "" : e.getMessage(); //$NON-NLS-1$
		if (message.contains("ENOSPC") || message.matches("(?s).*OSError: (\\[Errno )?28\\b.*")) { //$NON-NLS-1$ //$NON-NLS-2$
			return "the board's flash filled up while it was written, and none of it was kept."; //$NON-NLS-1$
		}
		return message.endsWith(".") ? message : message + "."; //$NON-NLS-1$
	}

	static String kb(long bytes) {
		return String.format("%.1f KB", bytes / 1024.0); //$NON-NLS-1$
	}

	private static void exitQuietly(RawRepl repl) {
		try {
			repl.exit();
		} catch (IOException e) {
			// the board is gone: the failure that brought us here says so
		}
	}

	/** One raw REPL session's view of the board and the plan. */
	private static final class Session {
		final BoardFiles files;
		final MipBoard board;
		final MipPlan plan;
		final Map<MipFile, byte[]> contents = new HashMap<>();
		final Map<MipLibrary, String> fetchProblems = new HashMap<>();
		final Map<String, DeviceEntry> onBoard = new HashMap<>();
		final Map<String, Boolean> sameByTarget = new HashMap<>();
		/** Requested libraries the board imports from outside its library folder (frozen, or the flash root). */
		final Set<MipLibrary> elsewhere = new HashSet<>();

		Session(BoardFiles files, MipBoard board, MipPlan plan) {
			this.files = files;
			this.board = board;
			this.plan = plan;
		}

		/** Whether the board has this file with this content. */
		boolean same(MipFile file) {
			DeviceEntry there = onBoard.get(board.target(file));
			byte[] content = contents.get(file);
			return there != null && !there.folder() && content != null && there.size() == content.length
					&& FileHashes.sameContent(there.hash(), files.hashKind(), content);
		}

		/** Why a library cannot be installed, naming the dependency at fault; null when it can. */
		String problem(MipLibrary library) {
			String own = library.closureProblem();
			if (own != null) {
				return own;
			}
			for (MipLibrary part : library.closure()) {
				String fetch = fetchProblems.get(part);
				if (fetch != null) {
					return part == library ? fetch
							: String.format("%s needs %s, and %s", library.name(), part.name(), //$NON-NLS-1$
									Character.toLowerCase(fetch.charAt(0)) + fetch.substring(1));
				}
			}
			return null;
		}

		LibraryStatus status(MipPlan.Entry entry) {
			MipLibrary library = entry.library();
			String name = entry.requirement().name();
			String problem = problem(library);
			if (problem != null) {
				return new LibraryStatus(name, library.version(), null, LibraryStatus.State.UNKNOWN, problem);
			}
			if (elsewhere.contains(library)) {
				return new LibraryStatus(name, library.version(), null, LibraryStatus.State.INSTALLED, String.format(
						"The board has %s outside lib/ (built into its firmware, or in the flash root): nothing to install.", //$NON-NLS-1$
						name));
			}
			List<MipFile> all = library.allFiles();
			long differ = all.stream().filter(f -> !same(f)).count();
			if (differ == 0) {
				return new LibraryStatus(name, library.version(), library.version(), LibraryStatus.State.INSTALLED,
						null);
			}
			boolean anyOwn = library.files().stream().anyMatch(f -> onBoard.containsKey(board.target(f)));
			if (!anyOwn) {
				return new LibraryStatus(name, library.version(), null, LibraryStatus.State.MISSING, null);
			}
			return new LibraryStatus(name, library.version(), null, LibraryStatus.State.OUTDATED,
					String.format("%d of its %d files are missing on the board or differ from %s.", differ, //$NON-NLS-1$
							all.size(), library.version() == null ? "the index's" : "version " + library.version())); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
