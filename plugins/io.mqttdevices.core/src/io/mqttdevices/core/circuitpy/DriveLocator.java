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
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the CIRCUITPY drive a CircuitPython board shows over USB. An explicit path (preference or project setting)
 * wins; otherwise the drive is looked for by its label: Linux {@code /media/<user>/CIRCUITPY},
 * {@code /run/media/<user>/CIRCUITPY} and the mount table, macOS {@code /Volumes/CIRCUITPY}, Windows the volume
 * labelled CIRCUITPY.
 */
public class DriveLocator {

	public static final String LABEL = "CIRCUITPY"; //$NON-NLS-1$

	private final Path mountTable;
	private final List<Path> mountRoots;

	/** Looks where this operating system mounts removable drives. */
	public DriveLocator() {
		this(Path.of("/proc/mounts"), defaultMountRoots()); //$NON-NLS-1$
	}

	/**
	 * @param mountTable a file in {@code /proc/mounts} format (absent is fine)
	 * @param mountRoots folders whose child named {@value #LABEL} is the drive
	 */
	public DriveLocator(Path mountTable, List<Path> mountRoots) {
		this.mountTable = mountTable;
		this.mountRoots = List.copyOf(mountRoots);
	}

	/**
	 * @param override a path the user set, or empty/null to search
	 * @return the drive's root folder, if it is there and is a folder
	 */
	public Optional<Path> locate(String override) {
		if (override != null && !override.isBlank()) {
			Path path = Path.of(override.trim());
			return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
		}
		return candidates().stream().filter(Files::isDirectory).findFirst();
	}

	/**
	 * Whether the drive is mounted read-only: by the file system's own flag, or by a {@code ro} option in the mount
	 * table (CircuitPython drives are read-only to the computer after {@code storage.remount()} in boot.py).
	 */
	public boolean isReadOnly(Path drive) {
		try {
			if (Files.getFileStore(drive).isReadOnly()) {
				return true;
			}
		} catch (IOException e) {
			// no store, no flag: the mount table may still tell
		}
		if (!Files.isReadable(mountTable)) {
			return false;
		}
		try {
			for (String line : Files.readAllLines(mountTable)) {
				String[] fields = line.split(" "); //$NON-NLS-1$
				if (fields.length > 3 && Path.of(fields[1].replace("\\040", " ")).equals(drive) //$NON-NLS-1$ //$NON-NLS-2$
						&& Arrays.asList(fields[3].split(",")).contains("ro")) { //$NON-NLS-1$ //$NON-NLS-2$
					return true;
				}
			}
		} catch (IOException e) {
			// an unreadable mount table tells nothing
		}
		return false;
	}

	/**
	 * Free space on a drive and the unit its file system allocates in.
	 *
	 * @param usable bytes a write may use
	 * @param allocationUnit bytes per allocation unit (a FAT cluster; Linux reports it as the block size)
	 */
	public record Space(long usable, long allocationUnit) {

		/** Bytes a file of {@code size} bytes takes: whole allocation units. */
		public long allocated(long size) {
			long unit = Math.max(1, allocationUnit);
			return (size + unit - 1) / unit * unit;
		}
	}

	/** How much fits on the drive now, from its file store. */
	public Space space(Path drive) throws IOException {
		FileStore store = Files.getFileStore(drive);
		long unit;
		try {
			unit = store.getBlockSize();
		} catch (UnsupportedOperationException e) {
			unit = 512; // the smallest FAT cluster
		}
		return new Space(store.getUsableSpace(), unit);
	}

	/** Every place the drive may be, most likely first. */
	List<Path> candidates() {
		Set<Path> result = new LinkedHashSet<>();
		for (Path root : mountRoots) {
			result.add(root.resolve(LABEL));
		}
		result.addAll(mountedByLabel());
		if (isWindows()) {
			for (FileStore store : FileSystems.getDefault().getFileStores()) {
				if (LABEL.equalsIgnoreCase(store.name())) {
					// a Windows store prints as "CIRCUITPY (E:)"
					result.add(Path.of(store.toString().replaceAll(".*\\((\\w:)\\)$", "$1\\\\"))); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
		return new ArrayList<>(result);
	}

	private List<Path> mountedByLabel() {
		List<Path> found = new ArrayList<>();
		if (!Files.isReadable(mountTable)) {
			return found;
		}
		try {
			for (String line : Files.readAllLines(mountTable)) {
				String[] fields = line.split(" "); //$NON-NLS-1$
				if (fields.length > 1) {
					// /proc/mounts escapes spaces in mount points as \040
					String mountPoint = fields[1].replace("\\040", " "); //$NON-NLS-1$ //$NON-NLS-2$
					if (mountPoint.endsWith("/" + LABEL)) { //$NON-NLS-1$
						found.add(Path.of(mountPoint));
					}
				}
			}
		} catch (IOException e) {
			// an unreadable mount table only means fewer candidates
		}
		return found;
	}

	private static List<Path> defaultMountRoots() {
		List<Path> roots = new ArrayList<>();
		String user = System.getProperty("user.name"); //$NON-NLS-1$
		roots.add(Path.of("/media", user)); //$NON-NLS-1$
		roots.add(Path.of("/run/media", user)); //$NON-NLS-1$
		roots.add(Path.of("/media")); //$NON-NLS-1$
		roots.add(Path.of("/Volumes")); //$NON-NLS-1$
		return roots;
	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").startsWith("Windows"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
