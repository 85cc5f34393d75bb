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
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which files of a project folder go to the board: all of them except what an exclude glob matches. A glob
 * without {@code /} matches any file or folder name (a folder takes its contents with it), like
 * {@code .gitignore}; a glob with {@code /} matches the project-relative path.
 */
public final class ProjectFiles {

	/**
	 * Documentation, version control and IDE files, tests and examples, and the libraries declaration (the libraries
	 * themselves are installed into lib/) stay on the computer.
	 */
	public static final List<String> DEFAULT_EXCLUDES = List.of(".*", "README*", "*.md", "LICENSE*", "tests", "test", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"test_*.py", "*_test.py", "*.example.*", "__pycache__", "*.pyc", "bin", "target", "package.json", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"requirements.txt"); //$NON-NLS-1$

	private ProjectFiles() {
	}

	/** The files to upload, by project-relative {@code /} path, sorted. */
	public static SortedMap<String, Path> collect(Path root, List<String> excludes) throws IOException {
		List<PathMatcher> byName = excludes.stream().filter(g -> !g.contains("/")) //$NON-NLS-1$
				.map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList(); //$NON-NLS-1$
		List<PathMatcher> byPath = excludes.stream().filter(g -> g.contains("/")) //$NON-NLS-1$
				.map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList(); //$NON-NLS-1$
		SortedMap<String, Path> files = new TreeMap<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return dir.equals(root) || !excluded(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (attrs.isRegularFile() && !excluded(file)) {
					files.put(relative(root, file), file);
				}
				return FileVisitResult.CONTINUE;
			}

			private boolean excluded(Path path) {
				Path name = path.getFileName();
				Path rel = root.relativize(path);
				return byName.stream().anyMatch(m -> m.matches(name)) || byPath.stream().anyMatch(m -> m.matches(rel));
			}
		});
		return files;
	}

	/** Whether a {@code /} path matches one of the globs (matched against the whole path). */
	public static boolean matches(String path, List<String> globs) {
		Path p = Path.of(path);
		return globs.stream().anyMatch(g -> FileSystems.getDefault().getPathMatcher("glob:" + g).matches(p)); //$NON-NLS-1$
	}

	static String relative(Path root, Path file) {
		return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}
}
