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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Makes a board's files match a project: files whose hash on the board equals the local one are skipped, missing
 * folders are created, the rest is uploaded atomically ({@link BoardFiles#upload}), and with pruning on, board
 * files the project lacks are deleted (except the keep list). The boot files go last, so a board that restarts
 * half-way runs old code against old modules rather than new code against old modules.
 */
public final class FileSync {

	private static final List<String> LAST = List.of("boot.py", "main.py", "code.py"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final int KB = 1024;

	private final RawRepl repl;
	private final SyncOptions options;

	public FileSync(RawRepl repl, SyncOptions options) {
		this.repl = repl;
		this.options = options;
	}

	/**
	 * Syncs the files to the board. The raw REPL is entered here and left at the end, also on failure when the
	 * board still answers.
	 *
	 * @param files project-relative {@code /} paths and their content
	 * @throws OperationCanceledException when the monitor was cancelled; no temporary file is left
	 */
	public SyncReport sync(Map<String, byte[]> files, IProgressMonitor monitor) throws IOException {
		long start = System.nanoTime();
		SubMonitor progress = SubMonitor.convert(monitor, "Uploading to the board", 100); //$NON-NLS-1$
		progress.subTask("Connecting to the board"); //$NON-NLS-1$
		repl.enter();
		try {
			BoardFiles board = BoardFiles.open(repl, options.chunkSize(), options.compress());
			progress.worked(2);
			progress.subTask("Comparing files with the board"); //$NON-NLS-1$
			Map<String, Long> sizes = new HashMap<>();
			files.forEach((path, content) -> sizes.put(path, (long) content.length));
			List<DeviceEntry> onBoard = board.list(sizes);
			progress.worked(3);
			checkCancel(progress);

			Map<String, DeviceEntry> byPath = new HashMap<>();
			onBoard.forEach(e -> byPath.put(e.path(), e));
			List<String> toUpload = new ArrayList<>();
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				DeviceEntry there = byPath.get(file.getKey());
				if (there == null || there.folder() || there.size() != file.getValue().length
						|| !FileHashes.sameContent(there.hash(), board.hashKind(), file.getValue())) {
					toUpload.add(file.getKey());
				}
			}
			toUpload.sort(Comparator.comparingInt((String p) -> LAST.indexOf(p)).thenComparing(p -> p));
			board.mkdirs(missingFolders(toUpload, byPath));

			long total = toUpload.stream().mapToLong(p -> files.get(p).length).sum();
			SubMonitor transfer = SubMonitor.convert(progress.split(90), (int) Math.max(1, total / KB));
			long transferStart = System.nanoTime();
			long[] done = { 0 };
			int index = 0;
			for (String path : toUpload) {
				int number = ++index;
				transfer.subTask(progressText(path, number, toUpload.size(), done[0], total));
				board.upload(path, files.get(path), n -> {
					long before = done[0] / KB;
					done[0] += n;
					if (done[0] / KB > before) {
						// the bytes shown move with the bar, also inside one big file
						transfer.worked((int) (done[0] / KB - before));
						transfer.subTask(progressText(path, number, toUpload.size(), done[0], total));
					}
				}, transfer::isCanceled);
			}
			Duration transferTime = Duration.ofNanos(toUpload.isEmpty() ? 0 : System.nanoTime() - transferStart);

			List<String> deleted = options.prune() ? prune(board, files.keySet(), onBoard, progress.split(5))
					: List.of();
			return new SyncReport(toUpload, files.size() - toUpload.size(), deleted, total, transferTime,
					Duration.ofNanos(System.nanoTime() - start));
		} finally {
			exitQuietly();
		}
	}

	private List<String> prune(BoardFiles board, Set<String> local, List<DeviceEntry> onBoard, SubMonitor monitor)
			throws IOException {
		Set<String> localFolders = new TreeSet<>();
		for (String path : local) {
			for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
				localFolders.add(path.substring(0, i));
			}
		}
		List<String> deleted = new ArrayList<>();
		Set<String> remaining = new TreeSet<>();
		for (DeviceEntry entry : onBoard) {
			if (!entry.folder() && !local.contains(entry.path()) && !ProjectFiles.matches(entry.path(), options.keep())) {
				checkCancel(monitor);
				board.remove(entry.path(), false);
				deleted.add(entry.path());
			} else if (!entry.folder()) {
				remaining.add(entry.path());
			}
		}
		// folders left empty, deepest first, unless the project has them or the keep list names them
		List<DeviceEntry> folders = new ArrayList<>(onBoard.stream().filter(DeviceEntry::folder).toList());
		folders.sort(Comparator.comparingInt((DeviceEntry e) -> e.path().length()).reversed());
		for (DeviceEntry folder : folders) {
			String prefix = folder.path() + "/"; //$NON-NLS-1$
			boolean used = localFolders.contains(folder.path()) || ProjectFiles.matches(folder.path(), options.keep())
					|| remaining.stream().anyMatch(p -> p.startsWith(prefix));
			if (used) {
				remaining.add(folder.path());
			} else {
				board.remove(folder.path(), true);
				deleted.add(folder.path() + "/"); //$NON-NLS-1$
			}
		}
		return deleted;
	}

	/** E.g. "lib/big.bin (file 2 of 3, 12.5 of 64.0 KB)". */
	private static String progressText(String path, int number, int files, long done, long total) {
		return String.format("%s (file %d of %d, %.1f of %.1f KB)", path, number, files, done / (double) KB, //$NON-NLS-1$
				total / (double) KB);
	}

	private static List<String> missingFolders(List<String> paths, Map<String, DeviceEntry> onBoard) {
		Map<String, Boolean> folders = new LinkedHashMap<>();
		for (String path : paths) {
			for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
				String folder = path.substring(0, i);
				DeviceEntry there = onBoard.get(folder);
				if (there == null || !there.folder()) {
					folders.put(folder, Boolean.TRUE);
				}
			}
		}
		List<String> sorted = new ArrayList<>(folders.keySet());
		sorted.sort(Comparator.comparingInt(String::length));
		return sorted;
	}

	private static void checkCancel(IProgressMonitor monitor) {
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	private void exitQuietly() {
		try {
			repl.exit();
		} catch (IOException e) {
			// the board is gone: the failure that brought us here says so
		}
	}
}
