/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.tests.fixtures.PackageIndexServer;
import io.mqttdevices.tests.fixtures.ReleaseServer;
import io.mqttdevices.tests.fixtures.TestBundles;

/**
 * Library sources on 127.0.0.1 for a UI test, named by the IDE's preferences: the Adafruit and Community bundle releases
 * built by {@link TestBundles} (CircuitPython 9), and a micropython-lib index with umqtt.simple 1.8.0 as published
 * ({@code py} flavour). Before each test "install before Upload and Flash" is off, so a test about the code alone
 * does not depend on libraries; {@link #installBeforeUpload()} turns it back to its default. After each test the
 * preferences are as before and the servers are stopped.
 */
public final class LibrarySources implements BeforeEachCallback, AfterEachCallback {

	private static final List<String> KEYS = List.of(CorePreferences.INSTALL_LIBRARIES_BEFORE_UPLOAD,
			CorePreferences.MICROPYTHON_COMPILED, CorePreferences.MICROPYTHON_INDEX,
			CorePreferences.ADAFRUIT_BUNDLE_URL, CorePreferences.COMMUNITY_BUNDLE_URL);

	private Path folder;
	private ReleaseServer bundles;
	private PackageIndexServer index;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		folder = Files.createTempDirectory("mqd-library-sources");
		Path site = folder.resolve("bundles");
		TestBundles.latest(TestBundles.adafruit(site, TestBundles.TAG, 9), TestBundles.TAG);
		TestBundles.latest(TestBundles.community(site, TestBundles.COMMUNITY_TAG, 9), TestBundles.COMMUNITY_TAG);
		bundles = new ReleaseServer(site);
		index = new PackageIndexServer(folder.resolve("index")).start(0);
		byte[] simple = Files.readAllBytes(PackageIndexServer.SIMPLE_PY);
		index.addPackage("py", "umqtt.simple", "1.8.0", Map.of("umqtt/simple.py", index.addFile(simple)), List.of());
		IEclipsePreferences node = node();
		node.put(CorePreferences.ADAFRUIT_BUNDLE_URL, bundles.url("adafruit/releases"));
		node.put(CorePreferences.COMMUNITY_BUNDLE_URL, bundles.url("community/releases"));
		node.put(CorePreferences.MICROPYTHON_INDEX, index.indexUrl());
		// no mpy-cross here to build .mpy files: the index has the sources, which the board imports as well
		node.putBoolean(CorePreferences.MICROPYTHON_COMPILED, false);
		node.putBoolean(CorePreferences.INSTALL_LIBRARIES_BEFORE_UPLOAD, false);
		node.flush();
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		IEclipsePreferences node = node();
		for (String key : KEYS) {
			node.remove(key);
		}
		node.flush();
		if (bundles != null) {
			bundles.close();
		}
		if (index != null) {
			index.close();
		}
		if (folder != null) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	/** Upload and Flash install the declared libraries first, as they do by default. */
	public void installBeforeUpload() throws BackingStoreException {
		IEclipsePreferences node = node();
		node.remove(CorePreferences.INSTALL_LIBRARIES_BEFORE_UPLOAD);
		node.flush();
	}

	/** The paths the bundle server was asked for. */
	public List<String> bundleRequests() {
		return bundles.requests();
	}

	/** umqtt.simple as the index serves it. */
	public static byte[] umqttSimple() throws IOException {
		return Files.readAllBytes(PackageIndexServer.SIMPLE_PY);
	}

	private static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
	}
}
