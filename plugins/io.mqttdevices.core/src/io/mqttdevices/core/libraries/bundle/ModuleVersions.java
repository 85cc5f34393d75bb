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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code __version__} of an installed library, read the way circup's extract_metadata reads it: in a
 * {@code .py} file the first single-line assignment {@code __version__ = "1.2.3"}; in an {@code .mpy} of format 6
 * (CircuitPython 9 and later, header {@code C\x06}) the first {@code x.y.z} string followed by a NUL; a package's
 * files in sorted order (so {@code __init__} first), the first that has one.
 */
public final class ModuleVersions {

	private static final Pattern PY_VERSION = Pattern
			.compile("__version__(?:\\s*:\\s*\\w+)?\\s*=\\s*['\"]([^'\"\\r\\n]+)['\"]"); //$NON-NLS-1$
	private static final Pattern MPY_VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)\u0000"); //$NON-NLS-1$

	private ModuleVersions() {
	}

	/** The version a file's content declares, or null. */
	public static String of(String fileName, byte[] content) {
		if (fileName.endsWith(".py")) { //$NON-NLS-1$
			Matcher m = PY_VERSION.matcher(new String(content, StandardCharsets.UTF_8));
			return m.find() ? m.group(1) : null;
		}
		if (fileName.endsWith(".mpy") && content.length > 2 && content[0] == 'C' && content[1] >= 6) { //$NON-NLS-1$
			// ISO-8859-1 maps each byte to one char, so the regex sees the bytes as they are
			Matcher m = MPY_VERSION.matcher(new String(content, StandardCharsets.ISO_8859_1));
			return m.find() ? m.group(1) : null;
		}
		return null;
	}

	/**
	 * The version of module {@code name} in the drive's {@code lib} folder: the package folder, else
	 * {@code <name>.py} (which CircuitPython imports before {@code <name>.mpy}), else {@code <name>.mpy}.
	 *
	 * @return null when it is not there or declares no version
	 */
	public static String installed(Path lib, String name) throws IOException {
		Path folder = lib.resolve(name);
		if (Files.isDirectory(folder)) {
			List<Path> files;
			try (Stream<Path> all = Files.walk(folder)) {
				files = all.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path file : files) {
				String version = of(file.getFileName().toString(), Files.readAllBytes(file));
				if (version != null) {
					return version;
				}
			}
			return null;
		}
		for (String extension : new String[] { ".py", ".mpy" }) { //$NON-NLS-1$ //$NON-NLS-2$
			Path file = lib.resolve(name + extension);
			if (Files.isRegularFile(file)) {
				return of(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		return null;
	}
}
