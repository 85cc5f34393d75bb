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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.libraries.Fetcher;
import io.mqttdevices.core.libraries.LibraryNotFoundException;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.mip.MipFile;
import io.mqttdevices.core.libraries.mip.MipLibrary;
import io.mqttdevices.core.libraries.mip.MipPlan;
import io.mqttdevices.core.libraries.mip.MipIndex;

/**
 * The URLs {@code mip} would fetch for {@code github:} packages (no network here: a fetcher that serves files it
 * was given by URL and records what it was asked for).
 */
class MipIndexTest {

	@TempDir
	Path temp;

	@Test
	void githubPackagesAreReadAtTheirBranchWithRelativeUrlsAndIndexDependencies() throws Exception {
		List<URI> asked = new ArrayList<>();
		Map<String, String> served = Map.of(
				"https://raw.githubusercontent.com/org/repo/dev/sensors/package.json",
				"{\"urls\": [[\"sensors/dht.py\", \"dht.py\"], [\"sensors/bmp.py\", \"github:other/bmp/bmp.py\"]],"
						+ " \"deps\": [[\"umqtt.simple\", \"latest\"]], \"version\": \"0.3\"}",
				"https://micropython.org/pi/v2/package/6/umqtt.simple/latest.json",
				"{\"hashes\": [[\"umqtt/simple.mpy\", \"0123abcd\"]], \"version\": \"1.8.0\"}");
		Fetcher fetcher = (uri, sha, monitor) -> {
			asked.add(uri);
			String body = served.get(uri.toString());
			if (body == null) {
				throw new LibraryNotFoundException(uri + " was not found (HTTP 404).");
			}
			try {
				return Files.writeString(Files.createTempFile(temp, "f", ".json"), body);
			} catch (java.io.IOException e) {
				throw new io.mqttdevices.core.libraries.LibraryException("test", e);
			}
		};
		MipPlan plan = new MipIndex(MipIndex.DEFAULT_URL, fetcher).resolve(
				List.of(new Requirement("github:org/repo/sensors@dev", null), new Requirement("github:org/repo/x.py", null),
						new Requirement("github:org/missing", "main")),
				"6", new NullProgressMonitor());

		MipLibrary sensors = plan.requested().get(0).library();
		assertNull(sensors.problem());
		assertEquals("0.3", sensors.version());
		assertEquals(List.of(
				new MipFile("sensors/dht.py", URI.create("https://raw.githubusercontent.com/org/repo/dev/sensors/dht.py"), null),
				new MipFile("sensors/bmp.py", URI.create("https://raw.githubusercontent.com/other/bmp/dev/bmp.py"), null),
				new MipFile("umqtt/simple.mpy", URI.create("https://micropython.org/pi/v2/file/01/0123abcd"), "0123abcd")),
				sensors.allFiles());

		MipLibrary single = plan.requested().get(1).library();
		assertEquals(List.of(new MipFile("x.py", URI.create("https://raw.githubusercontent.com/org/repo/HEAD/x.py"), null)),
				single.files());

		assertEquals("https://raw.githubusercontent.com/org/missing/main/package.json was not found (HTTP 404).",
				plan.requested().get(2).library().problem());
		assertEquals(List.of(URI.create("https://raw.githubusercontent.com/org/repo/dev/sensors/package.json"),
				URI.create("https://micropython.org/pi/v2/package/6/umqtt.simple/latest.json"),
				URI.create("https://raw.githubusercontent.com/org/missing/main/package.json")), asked,
				"the single file is not fetched to resolve it");
	}
}
