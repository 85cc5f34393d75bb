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

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mqttdevices.core.preferences.CorePreferences;

/**
 * Where one library bundle's releases are: the releases folder of a GitHub repository as circup uses it, a mirror
 * of that folder, or a local folder ({@code file:}). A release is found the way GitHub lays out release assets:
 * {@code <releases>/download/<tag>/<prefix>-<major>.x-mpy-<tag>.zip} for the compiled libraries and
 * {@code <releases>/download/<tag>/<prefix>-<tag>.json} for their metadata (the names circuitpython-build-tools'
 * build_bundles gives them; circup's Bundle builds the same URLs).
 *
 * @param name how the user knows it, e.g. "Adafruit CircuitPython Bundle"
 * @param releases the releases folder, ending without a slash
 * @param prefix the file name prefix of its assets
 */
public record BundleSource(String name, URI releases, String prefix) {

	public static final String ADAFRUIT_NAME = "Adafruit CircuitPython Bundle"; //$NON-NLS-1$
	public static final String ADAFRUIT_PREFIX = "adafruit-circuitpython-bundle"; //$NON-NLS-1$
	public static final String COMMUNITY_NAME = "CircuitPython Community Bundle"; //$NON-NLS-1$
	public static final String COMMUNITY_PREFIX = "circuitpython-community-bundle"; //$NON-NLS-1$

	/** A mirror's or folder's file naming its newest release, shaped like GitHub's answer: {"tag_name": "..."}. */
	public static final String LATEST_FILE = "latest.json"; //$NON-NLS-1$

	private static final Pattern GITHUB = Pattern.compile("https?://github\\.com/([^/]+)/([^/]+)/releases"); //$NON-NLS-1$

	public BundleSource {
		String text = releases.toString();
		if (text.endsWith("/")) { //$NON-NLS-1$
			releases = URI.create(text.substring(0, text.length() - 1));
		}
	}

	/** The Adafruit bundle at the releases folder the preferences name. */
	public static BundleSource adafruit(String releases) {
		return new BundleSource(ADAFRUIT_NAME, URI.create(releases.strip()), ADAFRUIT_PREFIX);
	}

	/** The Community bundle at the releases folder the preferences name. */
	public static BundleSource community(String releases) {
		return new BundleSource(COMMUNITY_NAME, URI.create(releases.strip()), COMMUNITY_PREFIX);
	}

	/** Adafruit's bundle, then the Community bundle, from the preferences: a name is looked for in that order. */
	public static List<BundleSource> fromPreferences() {
		return List.of(adafruit(CorePreferences.adafruitBundleUrl()), community(CorePreferences.communityBundleUrl()));
	}

	/**
	 * Where the newest release's tag is told. On github.com the REST API's latest release (circup asks github.com for
	 * {@code releases/latest} and reads the tag from the redirect, which a plain download cannot see; the API's
	 * {@code tag_name} says the same); anywhere else {@value #LATEST_FILE} in the releases folder. A {@code file:}
	 * folder without that file has its newest {@code download/<tag>} folder taken instead.
	 */
	public URI latest() {
		Matcher github = GITHUB.matcher(releases.toString());
		if (github.matches()) {
			return URI.create("https://api.github.com/repos/" + github.group(1) + '/' + github.group(2) //$NON-NLS-1$
					+ "/releases/latest"); //$NON-NLS-1$
		}
		return URI.create(releases + "/" + LATEST_FILE); //$NON-NLS-1$
	}

	/** The folder a release's assets are in. */
	public URI download(String tag) {
		return URI.create(releases + "/download/" + tag + '/'); //$NON-NLS-1$
	}

	/** The compiled libraries for CircuitPython {@code major}. */
	public URI zip(String tag, int major) {
		return download(tag).resolve(zipName(tag, major));
	}

	/** {@code <prefix>-<major>.x-mpy-<tag>.zip}; the zip's one top folder has this name without {@code .zip}. */
	public String zipName(String tag, int major) {
		return folderName(tag, major) + ".zip"; //$NON-NLS-1$
	}

	/** The top folder inside the zip. */
	public String folderName(String tag, int major) {
		return prefix + '-' + major + ".x-mpy-" + tag; //$NON-NLS-1$
	}

	/** The release's metadata: every library's version, path and dependencies. */
	public URI metadata(String tag) {
		return download(tag).resolve(prefix + '-' + tag + ".json"); //$NON-NLS-1$
	}
}
