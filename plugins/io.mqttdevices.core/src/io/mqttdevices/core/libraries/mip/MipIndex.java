/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mqttdevices.core.libraries.Fetcher;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryNotFoundException;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.UnknownLibraries;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.templates.Runtime;

/**
 * micropython-lib's package index (layout version 2) and URL packages, read the way {@code mip} reads them: an index
 * name becomes {@code <index>/package/<flavour>/<name>/<version>.json} ({@code latest} when no version is asked
 * for), whose {@code hashes} name files under {@code <index>/file/<h[:2]>/<h>}, whose {@code urls} name files by URL
 * and whose {@code deps} name more packages; a {@code github:org/repo[/path]}, {@code gitlab:} or {@code http(s):}
 * package is a single file when it ends in {@code .py} or {@code .mpy}, otherwise a {@code package.json} (appended
 * to the URL unless it ends in {@code .json}) of the same form, its relative URLs taken from its folder and its
 * version the branch ({@code HEAD} when none). {@code name@version} is understood as by {@code mpremote mip}.
 */
public final class MipIndex {

	/** micropython-lib's index, what {@code mip} uses unless told otherwise. */
	public static final String DEFAULT_URL = CorePreferences.DEFAULT_MICROPYTHON_INDEX;
	private static final List<String> URL_PREFIXES = List.of("http://", "https://", "github:", "gitlab:"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private final String index;
	private final Fetcher fetcher;

	/** @param indexUrl the index's base URL ({@code http:}, {@code https:} or {@code file:}) */
	public MipIndex(String indexUrl, Fetcher fetcher) {
		String url = indexUrl.strip();
		while (url.endsWith("/")) { //$NON-NLS-1$
			url = url.substring(0, url.length() - 1);
		}
		this.index = url;
		this.fetcher = fetcher;
	}

	/** The index the preferences name ({@link CorePreferences#micropythonIndex()}). */
	public static MipIndex fromPreferences(Fetcher fetcher) {
		return new MipIndex(CorePreferences.micropythonIndex(), fetcher);
	}

	public String url() {
		return index;
	}

	/** The fetcher the index and its files are downloaded with. */
	public Fetcher fetcher() {
		return fetcher;
	}

	/**
	 * Resolves the requirements and their dependencies. A package that cannot be resolved gets a
	 * {@link MipLibrary#problem}, and so do those depending on it; a failure to reach the index (offline, with no
	 * cached copy) fails the whole resolution, since no answer would be right.
	 *
	 * @param flavour the board's {@code .mpy} version ({@code "6"}) or {@code "py"} for source files
	 */
	public MipPlan resolve(List<Requirement> requirements, String flavour, IProgressMonitor monitor)
			throws LibraryException {
		Map<String, MipLibrary> resolved = new HashMap<>();
		Set<MipLibrary> notFound = new HashSet<>();
		List<MipPlan.Entry> entries = new ArrayList<>();
		for (Requirement requirement : requirements) {
			String name = requirement.name().strip();
			String version = requirement.version();
			int at = name.lastIndexOf('@');
			if (at > 0 && version == null && !name.substring(at).contains("/")) { //$NON-NLS-1$
				version = name.substring(at + 1);
				name = name.substring(0, at);
			}
			entries.add(new MipPlan.Entry(requirement, library(name, version, flavour, resolved, notFound, monitor)));
		}
		// what the index said of the declared names, for the builder's markers (a URL is no index name)
		List<String> unknown = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (MipPlan.Entry entry : entries) {
			String name = entry.requirement().name();
			if (URL_PREFIXES.stream().noneMatch(name::startsWith)) {
				(notFound.contains(entry.library()) ? unknown : known).add(name);
			}
		}
		UnknownLibraries.record(Runtime.MICROPYTHON, index, unknown, known);
		return new MipPlan(flavour, entries);
	}

	private MipLibrary library(String name, String version, String flavour, Map<String, MipLibrary> resolved,
			Set<MipLibrary> notFound, IProgressMonitor monitor) throws LibraryException {
		MipLibrary known = resolved.get(name);
		if (known != null) {
			return known; // a second mention, or a cycle closing: the first one holds
		}
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
		boolean isUrl = URL_PREFIXES.stream().anyMatch(name::startsWith);
		if (isUrl && (name.endsWith(".py") || name.endsWith(".mpy"))) { //$NON-NLS-1$ //$NON-NLS-2$
			String file = name.substring(name.lastIndexOf('/') + 1);
			MipLibrary single;
			try {
				single = new MipLibrary(name, version, List.of(new MipFile(file, rewrite(name, version), null)), null);
			} catch (IllegalArgumentException e) {
				single = MipLibrary.failed(name, String.format("%s is not a URL.", name)); //$NON-NLS-1$
			}
			resolved.put(name, single);
			return single;
		}
		String packageJson;
		if (isUrl) {
			packageJson = name.endsWith(".json") ? name : name + (name.endsWith("/") ? "" : "/") + "package.json"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		} else {
			packageJson = String.format("%s/package/%s/%s/%s.json", index, flavour, name, //$NON-NLS-1$
					version == null ? "latest" : version); //$NON-NLS-1$
		}
		JsonObject json;
		try {
			json = read(rewrite(packageJson, version), monitor);
		} catch (LibraryNotFoundException e) {
			String problem = isUrl ? e.getMessage()
					: String.format("%s%s is not in the package index %s for %s.", name, //$NON-NLS-1$
							version == null ? "" : " " + version, index, //$NON-NLS-1$ //$NON-NLS-2$
							"py".equals(flavour) ? "source files" : ".mpy version " + flavour); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			MipLibrary missing = MipLibrary.failed(name, problem);
			resolved.put(name, missing);
			if (!isUrl) {
				notFound.add(missing);
			}
			return missing;
		} catch (IllegalArgumentException e) {
			MipLibrary bad = MipLibrary.failed(name, String.format("%s is neither a package name nor a URL.", name)); //$NON-NLS-1$
			resolved.put(name, bad);
			return bad;
		} catch (JsonParseException | IllegalStateException | ClassCastException e) {
			MipLibrary broken = MipLibrary.failed(name, String.format(
					"%s is not a package description mip could read.", rewrite(packageJson, version))); //$NON-NLS-1$
			resolved.put(name, broken);
			return broken;
		}
		String base = packageJson.substring(0, packageJson.lastIndexOf('/'));
		List<MipFile> files = new ArrayList<>();
		for (String[] pair : pairs(json, "hashes")) { //$NON-NLS-1$
			String hash = pair[1];
			if (hash == null || !hash.matches("[0-9a-fA-F]{8,64}")) { //$NON-NLS-1$
				MipLibrary broken = MipLibrary.failed(name,
						String.format("%s names a file by a hash that is not one (%s).", packageJson, hash)); //$NON-NLS-1$
				resolved.put(name, broken);
				return broken;
			}
			files.add(new MipFile(pair[0], URI.create(String.format("%s/file/%s/%s", index, hash.substring(0, 2), hash)), //$NON-NLS-1$
					hash));
		}
		for (String[] pair : pairs(json, "urls")) { //$NON-NLS-1$
			String url = pair[1];
			if (isUrl && URL_PREFIXES.stream().noneMatch(url::startsWith)) {
				url = base + "/" + url; // relative to the package.json //$NON-NLS-1$
			}
			files.add(new MipFile(pair[0], rewrite(url, version), null));
		}
		JsonElement v = json.get("version"); //$NON-NLS-1$
		String found = v != null && v.isJsonPrimitive() ? v.getAsString() : version;
		MipLibrary library = new MipLibrary(name, found, files, null);
		resolved.put(name, library);
		for (String[] dep : pairs(json, "deps")) { //$NON-NLS-1$
			library.addDep(library(dep[0], dep[1], flavour, resolved, notFound, monitor));
		}
		return library;
	}

	private JsonObject read(URI uri, IProgressMonitor monitor) throws LibraryException {
		Path file = fetcher.fetch(uri, null, monitor);
		try {
			return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException e) {
			throw new LibraryException(String.format("The downloaded %s could not be read from the cache.", uri), e); //$NON-NLS-1$
		}
	}

	/** {@code [["a", "b"], ...]} under a key; empty when absent. An entry's second element may be null (a dep). */
	private static List<String[]> pairs(JsonObject json, String key) {
		List<String[]> pairs = new ArrayList<>();
		JsonElement element = json.get(key);
		if (element == null || element.isJsonNull()) {
			return pairs;
		}
		for (JsonElement item : element.getAsJsonArray()) {
			JsonArray pair = item.getAsJsonArray();
			String second = pair.size() > 1 && !pair.get(1).isJsonNull() ? pair.get(1).getAsString() : null;
			pairs.add(new String[] { pair.get(0).getAsString(), second });
		}
		return pairs;
	}

	/** {@code github:} and {@code gitlab:} URLs to their raw-file URLs at a branch, as mip rewrites them. */
	static URI rewrite(String url, String branch) {
		String ref = branch == null || branch.isEmpty() ? "HEAD" : branch; //$NON-NLS-1$
		if (url.startsWith("github:") || url.startsWith("gitlab:")) { //$NON-NLS-1$ //$NON-NLS-2$
			String[] parts = url.substring(7).split("/", 3); //$NON-NLS-1$
			String path = parts.length > 2 ? parts[2] : ""; //$NON-NLS-1$
			if (url.startsWith("github:")) { //$NON-NLS-1$
				return URI.create(String.format("https://raw.githubusercontent.com/%s/%s/%s/%s", parts[0], parts[1], ref, //$NON-NLS-1$
						path));
			}
			return URI.create(String.format("https://gitlab.com/%s/%s/-/raw/%s/%s", parts[0], parts[1], ref, path)); //$NON-NLS-1$
		}
		return URI.create(url);
	}
}
