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
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.mqttdevices.core.libraries.LibraryException;

/**
 * A bundle's {@code <prefix>-<major>.x-mpy-<tag>.zip}, checked whole before anything of it reaches the board: every
 * entry is read and its CRC-32 and size compared with the zip's directory, and its one top folder must be the one
 * the file name promises (circuitpython-build-tools zips {@code <zip name without .zip>/lib/...},
 * {@code .../examples/...}, {@code .../requirements/<module>/...} and {@code .../VERSIONS.txt}). The module files are
 * kept in memory: a module is a few KB to a few hundred KB.
 */
final class BundleZip {

	private static final Pattern MAJOR = Pattern.compile(".*-(\\d+)\\.x-mpy-.*"); //$NON-NLS-1$

	private final Map<String, byte[]> lib;

	private BundleZip(Map<String, byte[]> lib) {
		this.lib = lib;
	}

	/**
	 * Opens and checks a fetched zip.
	 *
	 * @param folder the top folder it must have
	 * @param major the CircuitPython major version it must be for
	 * @throws LibraryException a damaged zip, or one for another CircuitPython version
	 */
	static BundleZip open(Path file, URI from, String folder, int major) throws LibraryException {
		Map<String, byte[]> lib = new TreeMap<>();
		String libPrefix = folder + "/lib/"; //$NON-NLS-1$
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (name.contains("..") || name.startsWith("/") || name.contains("\\")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					throw damaged(from, "an entry named " + name); //$NON-NLS-1$
				}
				String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name; //$NON-NLS-1$
				if (!top.equals(folder)) {
					throw otherFolder(from, top, folder, major);
				}
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = readChecked(zip, entry, from);
				if (name.startsWith(libPrefix)) {
					lib.put(name.substring(folder.length() + 1), content);
				}
			}
		} catch (LibraryException e) {
			throw e;
		} catch (IOException e) {
			throw damaged(from, e.getClass().getSimpleName());
		}
		if (lib.isEmpty()) {
			throw new LibraryException(from + " has no libraries in " + libPrefix //$NON-NLS-1$
					+ ", so it is not a CircuitPython library bundle; nothing was copied to the board."); //$NON-NLS-1$
		}
		return new BundleZip(lib);
	}

	/**
	 * The files of a module, keyed by their path on the drive ({@code lib/...}): a package's folder, or the one file
	 * {@code <path>.mpy} (or {@code .py}, as some libraries ship); empty when the zip lacks it.
	 */
	Map<String, byte[]> files(BundleModule module) {
		Map<String, byte[]> files = new TreeMap<>();
		String path = module.path().endsWith("/") ? module.path() : module.path() + '/'; //$NON-NLS-1$
		lib.forEach((name, content) -> {
			if (name.startsWith(path)) {
				files.put(name, content);
			}
		});
		if (files.isEmpty()) {
			for (String extension : new String[] { ".mpy", ".py" }) { //$NON-NLS-1$ //$NON-NLS-2$
				byte[] content = lib.get(module.path() + extension);
				if (content != null) {
					files.put(module.path() + extension, content);
					break;
				}
			}
		}
		return files;
	}

	private static byte[] readChecked(ZipFile zip, ZipEntry entry, URI from) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			byte[] content = in.readAllBytes();
			CRC32 crc = new CRC32();
			crc.update(content);
			if ((entry.getSize() >= 0 && entry.getSize() != content.length)
					|| (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue())) {
				throw damaged(from, entry.getName());
			}
			return content;
		}
	}

	private static LibraryException damaged(URI from, String what) {
		return new LibraryException("The bundle downloaded from " + from + " is damaged (" + what //$NON-NLS-1$ //$NON-NLS-2$
				+ " does not check out), so nothing was copied to the board; try again, or check the mirror."); //$NON-NLS-1$
	}

	private static LibraryException otherFolder(URI from, String top, String folder, int major) {
		Matcher other = MAJOR.matcher(top);
		if (other.matches() && Integer.parseInt(other.group(1)) != major) {
			return new LibraryException(from + " holds the libraries for CircuitPython " + other.group(1) + " (" + top //$NON-NLS-1$ //$NON-NLS-2$
					+ "), but the board runs CircuitPython " + major + ", so nothing was copied; check the bundle URL " //$NON-NLS-1$ //$NON-NLS-2$
					+ "in Preferences > MQTT Devices."); //$NON-NLS-1$
		}
		return new LibraryException(from + " is not laid out like a library bundle (its top folder is " + top //$NON-NLS-1$
				+ ", not " + folder + "), so nothing was copied; check the bundle URL in Preferences > MQTT Devices."); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
