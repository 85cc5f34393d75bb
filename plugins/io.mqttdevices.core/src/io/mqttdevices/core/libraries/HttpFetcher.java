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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.FrameworkUtil;

/**
 * Fetches {@code http:}, {@code https:} and {@code file:} URLs with the JDK's HTTP client through the IDE's proxy
 * settings ({@link IdeProxies}), verifies the content against the SHA-256 (or the SHA-256 prefix) the caller names,
 * and keeps it in a {@link FetchCache}. A file named by its hash comes from the cache without going to the network;
 * a file named by its URL alone is fetched again, and its last copy is used when the network cannot be reached.
 */
public final class HttpFetcher implements Fetcher {

	/** Connecting to a host, and then the whole download, give up after these. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
	static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
	private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,64}"); //$NON-NLS-1$

	private final FetchCache cache;
	private final HttpClient client;
	private final Duration downloadTimeout;

	/** A fetcher caching in this folder, through the IDE's proxy settings. */
	public HttpFetcher(Path cacheDirectory) {
		this(cacheDirectory, CONNECT_TIMEOUT, DOWNLOAD_TIMEOUT);
	}

	HttpFetcher(Path cacheDirectory, Duration connectTimeout, Duration downloadTimeout) {
		this.cache = new FetchCache(cacheDirectory);
		this.downloadTimeout = downloadTimeout;
		IdeProxies proxies = new IdeProxies();
		this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL)
				.proxy(proxies).authenticator(proxies.authenticator).build();
	}

	/** The IDE's fetcher: its cache is the {@code downloads} folder in the core bundle's state location. */
	public static HttpFetcher forIde() {
		Path state = Platform.getStateLocation(FrameworkUtil.getBundle(HttpFetcher.class)).toPath();
		return new HttpFetcher(state.resolve("downloads")); //$NON-NLS-1$
	}

	@Override
	public Path fetch(URI uri, String sha256, IProgressMonitor monitor) throws LibraryException {
		String expected = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
		if (expected != null && !HEX.matcher(expected).matches()) {
			throw new IllegalArgumentException("not a SHA-256 or a prefix of 8 or more hex digits: " + sha256); //$NON-NLS-1$
		}
		IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
		try {
			if (expected != null) {
				Path cached = cache.find(expected);
				if (cached != null) {
					return cached;
				}
			}
			byte[] content;
			try {
				content = download(uri, progress);
			} catch (Unreachable e) {
				Path cached = expected == null ? cache.findByUrl(uri) : null;
				if (cached != null) {
					return cached;
				}
				throw new LibraryException(String.format(
						"Could not download %s: %s, and the download cache has no copy of it.", uri, e.getMessage()), //$NON-NLS-1$
						e);
			}
			String actual = FetchCache.sha256(content);
			if (expected != null && !actual.startsWith(expected)) {
				throw new LibraryException(String.format(
						"The download of %s was discarded: its SHA-256 starts with %s, not with %s as the index says.", //$NON-NLS-1$
						uri, actual.substring(0, expected.length()), expected));
			}
			return cache.store(uri, content, actual);
		} catch (LibraryException e) {
			throw e;
		} catch (IOException e) {
			throw new LibraryException(String.format("The download cache could not be used: %s", e.getMessage()), e); //$NON-NLS-1$
		}
	}

	@Override
	public Path fetchFixed(URI uri, IProgressMonitor monitor) throws LibraryException {
		try {
			Path cached = cache.findByUrl(uri);
			if (cached != null) {
				return cached;
			}
		} catch (IOException e) {
			// an unreadable cache entry: fetched again below
		}
		return fetch(uri, null, monitor);
	}

	private byte[] download(URI uri, IProgressMonitor monitor) throws IOException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		switch (scheme) {
		case "file": //$NON-NLS-1$
			try {
				return Files.readAllBytes(Path.of(uri));
			} catch (NoSuchFileException e) {
				throw new LibraryNotFoundException(String.format("%s was not found.", uri), e); //$NON-NLS-1$
			} catch (IOException | IllegalArgumentException e) {
				throw new LibraryException(String.format("%s could not be read.", uri), e); //$NON-NLS-1$
			}
		case "http": //$NON-NLS-1$
		case "https": //$NON-NLS-1$
			return downloadHttp(uri, monitor);
		default:
			throw new LibraryException(String.format("%s cannot be downloaded: only http, https and file URLs can.", uri)); //$NON-NLS-1$
		}
	}

	private byte[] downloadHttp(URI uri, IProgressMonitor monitor) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(downloadTimeout).GET().build();
		CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofByteArray());
		long deadline = System.nanoTime() + downloadTimeout.toNanos();
		HttpResponse<byte[]> response;
		while (true) {
			if (monitor.isCanceled()) {
				answer.cancel(true);
				throw new LibraryException(String.format("The download of %s was cancelled.", uri)); //$NON-NLS-1$
			}
			if (System.nanoTime() > deadline) {
				answer.cancel(true);
				throw new Unreachable(String.format("%s did not answer within %d seconds", uri.getHost(), //$NON-NLS-1$
						downloadTimeout.toSeconds()));
			}
			try {
				response = answer.get(100, TimeUnit.MILLISECONDS);
				break;
			} catch (TimeoutException e) {
				// look at the monitor again
			} catch (InterruptedException e) {
				answer.cancel(true);
				Thread.currentThread().interrupt();
				throw new LibraryException(String.format("The download of %s was cancelled.", uri), e); //$NON-NLS-1$
			} catch (ExecutionException e) {
				throw new Unreachable(String.format("%s cannot be reached (offline?)", uri.getHost()), e.getCause()); //$NON-NLS-1$
			}
		}
		int status = response.statusCode();
		if (status == 200) {
			return response.body();
		}
		if (status == 404 || status == 410) {
			throw new LibraryNotFoundException(String.format("%s was not found (HTTP %d).", uri, status)); //$NON-NLS-1$
		}
		if (status == 407) {
			throw new LibraryException(String.format(
					"The proxy refused the download of %s: set its user and password in Preferences > General > Network Connections.", //$NON-NLS-1$
					uri));
		}
		throw new LibraryException(String.format("%s answered HTTP %d instead of the file.", uri, status)); //$NON-NLS-1$
	}

	/** The network or the host could not be reached: the cache may help. */
	private static final class Unreachable extends IOException {
		private static final long serialVersionUID = 1L;

		Unreachable(String message) {
			super(message);
		}

		Unreachable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
