/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.libraries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.eclipse.core.runtime.IProgressMonitor;

import io.mqttdevices.core.libraries.Fetcher;
import io.mqttdevices.core.libraries.LibraryException;

/**
 * TEST HELPER ONLY, standing in for the real HttpFetcher until it is merged: a plain GET over
 * {@link HttpClient} against the test's own HTTP server, with a cache folder (one file per URL) used when the server
 * cannot be reached. {@code file:} URIs are read where they are. No proxy, no redirects beyond HttpClient's own.
 */
final class TestOnlyHttpFetcher implements Fetcher {

	private final Path cache;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NORMAL).build();

	TestOnlyHttpFetcher(Path cache) {
		this.cache = cache;
	}

	@Override
	public Path fetch(URI uri, String sha256, IProgressMonitor monitor) throws LibraryException {
		if ("file".equals(uri.getScheme())) {
			Path file = Path.of(uri);
			if (!Files.isRegularFile(file)) {
				throw new LibraryException("There is no file " + file + ".");
			}
			return file;
		}
		Path cached = cache.resolve(hash(uri.toString().getBytes()));
		try {
			HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofFile(cache.resolve("download.part")));
			if (response.statusCode() != 200) {
				throw new LibraryException(uri + " answered " + response.statusCode() + ".");
			}
			Files.move(response.body(), cached, StandardCopyOption.REPLACE_EXISTING);
			return cached;
		} catch (IOException e) {
			if (e instanceof LibraryException library) {
				throw library;
			}
			if (Files.isRegularFile(cached)) {
				return cached;
			}
			throw new LibraryException("Could not reach " + uri.getHost() + " and nothing is cached for " + uri
					+ ": check the network connection.", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LibraryException("Cancelled while fetching " + uri + ".", e);
		}
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
