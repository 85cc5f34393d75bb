/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the fetcher got, on disk: each content once under its SHA-256 ({@code sha256/ab/abcd...}), and for each
 * URL the hash of what it served last ({@code urls/<sha256 of the URL>}), so that a file named by its hash, or by
 * its URL when nothing names its hash, can be had again offline. Files are written to a temporary name and moved
 * into place, and checked against their name when read: a damaged copy is deleted and fetched again.
 */
final class FetchCache {

	private final Path contents;
	private final Path urls;

	FetchCache(Path directory) {
		this.contents = directory.resolve("sha256"); //$NON-NLS-1$
		this.urls = directory.resolve("urls"); //$NON-NLS-1$
	}

	/** The cached content whose SHA-256 starts with this lower-case hex prefix, or null. */
	Path find(String shaPrefix) throws IOException {
		Path folder = contents.resolve(shaPrefix.substring(0, 2));
		if (!Files.isDirectory(folder)) {
			return null;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, shaPrefix + "*")) { //$NON-NLS-1$
			for (Path file : files) {
				if (sha256(Files.readAllBytes(file)).equals(file.getFileName().toString())) {
					return file;
				}
				Files.deleteIfExists(file);
			}
		}
		return null;
	}

	/** What the URL served when it was last fetched, or null. */
	Path findByUrl(URI uri) throws IOException {
		Path record = urls.resolve(sha256(uri.toString().getBytes(StandardCharsets.UTF_8)));
		if (!Files.isRegularFile(record)) {
			return null;
		}
		String sha = Files.readString(record, StandardCharsets.US_ASCII).strip();
		return sha.length() == 64 ? find(sha) : null;
	}

	/** Keeps content fetched from a URL; returns the cached file. */
	Path store(URI uri, byte[] content, String sha) throws IOException {
		Path target = contents.resolve(sha.substring(0, 2)).resolve(sha);
		if (!Files.isRegularFile(target)) {
			write(target, content);
		}
		write(urls.resolve(sha256(uri.toString().getBytes(StandardCharsets.UTF_8))),
				sha.getBytes(StandardCharsets.US_ASCII));
		return target;
	}

	private static void write(Path target, byte[] content) throws IOException {
		Files.createDirectories(target.getParent());
		Path tmp = Files.createTempFile(target.getParent(), ".part-", ""); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			Files.write(tmp, content);
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
