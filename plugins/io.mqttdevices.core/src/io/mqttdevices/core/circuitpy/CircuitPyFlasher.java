/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.circuitpy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mqttdevices.core.board.SyncReport;

/**
 * "Flash to CIRCUITPY": copies a project's changed files to a CircuitPython board's USB drive. Each file is written
 * to a temporary name in its folder, flushed and synced to the device, then renamed over the target, so a board
 * unplugged half-way has the old file or the new one. {@code code.py} (and the other files the board runs) go
 * last: the board restarts on every write, and should restart into new code with its new modules in place.
 */
public final class CircuitPyFlasher {

	/** Prefix of the temporary files; a flash removes those an interrupted one left. */
	public static final String TMP_PREFIX = ".mqd-tmp-"; //$NON-NLS-1$
	private static final List<String> LAST = List.of("boot.py", "code.txt", "code.py", "main.txt", "main.py"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	private static final int KB = 1024;

	private final DriveLocator locator;

	public CircuitPyFlasher(DriveLocator locator) {
		this.locator = locator;
	}

	/**
	 * Finds the drive, or says what to do.
	 *
	 * @param override the drive's folder from the preferences, empty to find it by its label
	 * @throws IOException with a message for the user when it is missing or read-only
	 */
	public Path drive(String override) throws IOException {
		Path drive = locator.locate(override).orElse(null);
		if (drive == null) {
			if (override != null && !override.isBlank()) {
				throw new IOException("The CIRCUITPY drive set in the preferences, " + override.strip() //$NON-NLS-1$
						+ ", is not there. Plug in the board, or change the drive in Preferences > MQTT Devices " //$NON-NLS-1$
						+ "or in the project's MQTT Device properties."); //$NON-NLS-1$
			}
			throw new IOException("No CIRCUITPY drive found. Plug in the board with a USB data cable (some cables " //$NON-NLS-1$
					+ "only charge) and wait for the drive to appear; a board in safe mode or without CircuitPython " //$NON-NLS-1$
					+ "shows no drive. If it is mounted somewhere else, set its folder in Preferences > MQTT Devices."); //$NON-NLS-1$
		}
		if (locator.isReadOnly(drive) || !Files.isWritable(drive)) {
			throw readOnly(drive);
		}
		return drive;
	}

	/**
	 * Copies the files that differ from the drive's.
	 *
	 * @param files project-relative {@code /} paths and their content
	 * @throws OperationCanceledException when cancelled between files; no temporary file is left
	 */
	public SyncReport flash(Path drive, Map<String, byte[]> files, IProgressMonitor monitor) throws IOException {
		long start = System.nanoTime();
		SubMonitor progress = SubMonitor.convert(monitor, "Flashing to CIRCUITPY", 100); //$NON-NLS-1$
		removeTemporaryFiles(drive);
		List<String> changed = changed(drive, files);
		changed.sort(Comparator.comparingInt((String p) -> LAST.indexOf(p)).thenComparing(p -> p));
		progress.worked(5);
		long total = changed.stream().mapToLong(p -> files.get(p).length).sum();
		SubMonitor copy = SubMonitor.convert(progress.split(95), (int) Math.max(1, total / KB) + changed.size());
		long transferStart = System.nanoTime();
		long done = 0;
		int index = 0;
		for (String path : changed) {
			if (copy.isCanceled()) {
				throw new OperationCanceledException();
			}
			index++;
			copy.subTask(String.format("%s (file %d of %d, %d of %d KB)", path, index, changed.size(), done / KB, //$NON-NLS-1$
					total / KB));
			byte[] content = files.get(path);
			write(drive, path, content);
			copy.worked((int) ((done + content.length) / KB - done / KB) + 1);
			done += content.length;
		}
		Duration transferTime = Duration.ofNanos(changed.isEmpty() ? 0 : System.nanoTime() - transferStart);
		return new SyncReport(changed, files.size() - changed.size(), List.of(), total, transferTime,
				Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Copies the files that differ from the drive's as one: each is written to its temporary name first, and only
	 * when all are written and synced are they renamed over their targets, so a full drive, an unplugged board or a
	 * cancel while writing leaves none of them changed (a library is never half new, half old). Nothing else on the
	 * drive is touched.
	 *
	 * @param files drive-relative {@code /} paths and their content
	 * @throws DriveFullException before anything is written, when the changed files do not fit in the free space
	 * @throws OperationCanceledException when cancelled before the renames; no temporary file is left
	 */
	public SyncReport flashAsOne(Path drive, Map<String, byte[]> files, IProgressMonitor monitor) throws IOException {
		long start = System.nanoTime();
		SubMonitor progress = SubMonitor.convert(monitor, 100);
		removeTemporaryFiles(drive);
		List<String> changed = changed(drive, files);
		changed.sort(null);
		long total = changed.stream().mapToLong(p -> files.get(p).length).sum();
		DriveLocator.Space space = locator.space(drive);
		long needed = changed.stream().mapToLong(p -> space.allocated(files.get(p).length)).sum();
		if (needed > space.usable()) {
			throw new DriveFullException(drive, changed.size(), needed, space.usable());
		}
		progress.worked(5);
		SubMonitor copy = SubMonitor.convert(progress.split(95), (int) Math.max(1, total / KB) + changed.size());
		long transferStart = System.nanoTime();
		Map<String, Path> written = new LinkedHashMap<>();
		try {
			long done = 0;
			for (String path : changed) {
				if (copy.isCanceled()) {
					throw new OperationCanceledException();
				}
				copy.subTask(String.format("%s (%d of %d KB)", path, done / KB, total / KB)); //$NON-NLS-1$
				byte[] content = files.get(path);
				written.put(path, writeTemporary(drive, path, content));
				copy.worked((int) ((done + content.length) / KB - done / KB) + 1);
				done += content.length;
			}
		} catch (IOException | RuntimeException e) {
			written.values().forEach(CircuitPyFlasher::deleteQuietly);
			throw e;
		}
		for (Map.Entry<String, Path> file : written.entrySet()) {
			commit(drive, file.getKey(), file.getValue());
		}
		Duration transferTime = Duration.ofNanos(changed.isEmpty() ? 0 : System.nanoTime() - transferStart);
		return new SyncReport(changed, files.size() - changed.size(), List.of(), total, transferTime,
				Duration.ofNanos(System.nanoTime() - start));
	}

	/** The paths whose content the drive does not have. */
	private static List<String> changed(Path drive, Map<String, byte[]> files) throws IOException {
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Path target = drive.resolve(file.getKey());
			if (!Files.isRegularFile(target) || Files.size(target) != file.getValue().length
					|| !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
				changed.add(file.getKey());
			}
		}
		return changed;
	}

	private void write(Path drive, String path, byte[] content) throws IOException {
		commit(drive, path, writeTemporary(drive, path, content));
	}

	/** Writes {@code content} beside {@code path} under the temporary name, flushed and synced to the device. */
	private Path writeTemporary(Path drive, String path, byte[] content) throws IOException {
		Path target = drive.resolve(path);
		Path tmp = target.resolveSibling(TMP_PREFIX + target.getFileName());
		try {
			Files.createDirectories(target.getParent());
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			return tmp;
		} catch (IOException e) {
			throw writeError(drive, path, tmp, e);
		}
	}

	/** Renames the temporary file over {@code path}. */
	private void commit(Path drive, String path, Path tmp) throws IOException {
		Path target = drive.resolve(path);
		try {
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			syncFolder(target.getParent());
		} catch (IOException e) {
			throw writeError(drive, path, tmp, e);
		}
	}

	private IOException writeError(Path drive, String path, Path tmp, IOException e) {
		deleteQuietly(tmp);
		if (e instanceof AccessDeniedException) {
			return readOnly(drive);
		}
		if (e instanceof FileSystemException fse) {
			if (String.valueOf(fse.getReason()).toLowerCase().contains("read-only")) { //$NON-NLS-1$
				return readOnly(drive);
			}
			return new IOException("Could not write " + path + " to " + drive + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new IOException("Could not write " + path + " to " + drive + ": " + e.getMessage() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ ". Was the board unplugged?", e); //$NON-NLS-1$
	}

	/**
	 * Deletes files and folders (with what they hold) from the drive, synced as the writes are.
	 *
	 * @param paths {@code /} paths relative to the drive
	 * @return the paths that were there and are gone, a folder's content before the folder
	 * @throws IOException one sentence for the user: the drive is read-only, or gone (what was deleted before stays
	 *             deleted)
	 */
	public List<String> delete(Path drive, List<String> paths) throws IOException {
		if (!Files.isDirectory(drive)) {
			throw new IOException("The CIRCUITPY drive at " + drive + " is not there: the board was unplugged, or its drive is mounted elsewhere now; nothing was " //$NON-NLS-1$ //$NON-NLS-2$
					+ "deleted."); //$NON-NLS-1$
		}
		if (locator.isReadOnly(drive)) {
			throw readOnly(drive);
		}
		List<String> deleted = new ArrayList<>();
		for (String path : paths) {
			Path target = drive.resolve(path);
			if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			List<Path> all;
			try (Stream<Path> walk = Files.walk(target)) {
				all = walk.sorted(Comparator.reverseOrder()).toList(); // children before their folder
			} catch (IOException e) {
				throw deleteError(drive, path, e);
			}
			for (Path each : all) {
				try {
					Files.delete(each);
				} catch (IOException e) {
					throw deleteError(drive, drive.relativize(each).toString().replace('\\', '/'), e);
				}
				deleted.add(drive.relativize(each).toString().replace('\\', '/'));
			}
			syncFolder(target.getParent());
		}
		return deleted;
	}

	private IOException deleteError(Path drive, String path, IOException e) {
		if (e instanceof AccessDeniedException || e instanceof FileSystemException fse
				&& String.valueOf(fse.getReason()).toLowerCase().contains("read-only")) { //$NON-NLS-1$
			return readOnly(drive);
		}
		return new IOException("Could not delete " + path + " from " + drive + " (" + e.getClass().getSimpleName() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "); the board may have been unplugged.", e); //$NON-NLS-1$
	}

	private static void removeTemporaryFiles(Path drive) throws IOException {
		try (Stream<Path> all = Files.walk(drive)) {
			for (Path path : all.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Makes the rename durable where the platform allows syncing a folder (not on Windows). */
	private static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// the file itself was synced; the folder entry follows with the next write
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		} catch (IOException e) {
			// the next flash removes it
		}
	}

	private static IOException readOnly(Path drive) {
		return new IOException("The CIRCUITPY drive at " + drive + " is read-only. Usually the board's boot.py " //$NON-NLS-1$ //$NON-NLS-2$
				+ "called storage.remount() so that code.py can write to it: remove that call or hold the button " //$NON-NLS-1$
				+ "it checks, reset the board, and flash again. A drive with errors is also mounted read-only: " //$NON-NLS-1$
				+ "eject it and run a disk check."); //$NON-NLS-1$
	}
}
