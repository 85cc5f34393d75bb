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
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mqttdevices.core.libraries.Fetcher;
import io.mqttdevices.core.libraries.LibraryException;

/**
 * Finds a bundle's newest release and reads its metadata, everything through the {@link Fetcher} (so a release seen
 * once is known offline, from the fetcher's cache).
 */
final class ReleaseFinder {

	/** Release tags are folder names in URLs: dates like 20241128, nothing that could leave the folder. */
	private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"); //$NON-NLS-1$

	private final Fetcher fetcher;

	ReleaseFinder(Fetcher fetcher) {
		this.fetcher = fetcher;
	}

	/** The newest release and its library list. */
	BundleRelease latest(BundleSource source, IProgressMonitor monitor) throws LibraryException {
		SubMonitor progress = SubMonitor.convert(monitor, 2);
		String tag = latestTag(source, progress.split(1));
		Path json = fetcher.fetchFixed(source.metadata(tag), progress.split(1));
		return BundleRelease.read(source, tag, json);
	}

	/** See {@link BundleSource#latest()} for where the tag is read. */
	String latestTag(BundleSource source, IProgressMonitor monitor) throws LibraryException {
		URI latest = source.latest();
		if ("file".equals(latest.getScheme()) && !Files.isRegularFile(Path.of(latest))) { //$NON-NLS-1$
			return newestFolder(source);
		}
		Path file = fetcher.fetch(latest, null, monitor);
		String tag;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonElement root = JsonParser.parseReader(reader);
			JsonElement name = root.isJsonObject() ? ((JsonObject) root).get("tag_name") : null; //$NON-NLS-1$
			tag = name == null || name.isJsonNull() ? "" : name.getAsString(); //$NON-NLS-1$
		} catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException e) {
			tag = ""; //$NON-NLS-1$
		}
		return checked(source, latest, tag);
	}

	private static String newestFolder(BundleSource source) throws LibraryException {
		Path download = Path.of(source.download("x")).getParent(); //$NON-NLS-1$
		Optional<String> newest = Optional.empty();
		if (Files.isDirectory(download)) {
			try (Stream<Path> tags = Files.list(download)) {
				newest = tags.filter(Files::isDirectory).map(p -> p.getFileName().toString())
						.filter(t -> TAG.matcher(t).matches())
						.max(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
			} catch (IOException e) {
				// said below
			}
		}
		return newest.orElseThrow(() -> new LibraryException("The folder " + Path.of(source.releases()) //$NON-NLS-1$
				+ " set for the " + source.name() + " has neither " + BundleSource.LATEST_FILE //$NON-NLS-1$ //$NON-NLS-2$
				+ " nor a download/<tag> folder; lay it out like the bundle's GitHub releases, or change it in " //$NON-NLS-1$
				+ "Preferences > MQTT Devices.")); //$NON-NLS-1$
	}

	private static String checked(BundleSource source, URI latest, String tag) throws LibraryException {
		if (!TAG.matcher(tag).matches()) {
			throw new LibraryException(latest + " does not name the newest release of the " + source.name() //$NON-NLS-1$
					+ " (it should hold {\"tag_name\": \"<tag>\"}); check the bundle URL in Preferences > MQTT Devices."); //$NON-NLS-1$
		}
		return tag;
	}
}
