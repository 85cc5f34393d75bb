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

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Gets the bytes behind a URL ({@code http:}, {@code https:} or {@code file:}) into a local file, through the IDE's
 * proxy settings, keeping what it fetched in a cache so that it can be had again offline.
 */
public interface Fetcher {

	/**
	 * The content of {@code uri} as a file in the cache (callers must not change or delete it).
	 *
	 * @param sha256 the content's expected SHA-256 in hex, or a prefix of it of at least 8 hex digits (micropython-lib's
	 *            index names files by such a prefix), or {@code null} when the source names none; a cached copy with
	 *            this hash is used without going to the network, and a download that does not match it is discarded
	 *            and reported. Without a hash the URL is fetched again, and its last cached copy is used when the
	 *            network cannot be reached
	 * @throws LibraryNotFoundException the URL does not exist (HTTP 404 or 410, a missing {@code file:})
	 * @throws LibraryException offline with nothing cached, a status other than 200, a hash mismatch, cancelled
	 */
	Path fetch(URI uri, String sha256, IProgressMonitor monitor) throws LibraryException;

	/**
	 * The content of a URL whose content never changes (a release asset named by its tag): a copy in the cache is
	 * used without going to the network, so a multi-megabyte bundle is downloaded once per release.
	 */
	default Path fetchFixed(URI uri, IProgressMonitor monitor) throws LibraryException {
		return fetch(uri, null, monitor);
	}
}
