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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.gson.GsonBuilder;

/**
 * Builds bundle releases in the layout of the real ones, from the real device libraries in
 * {@code shared/device-libs/circuitpython} (MiniMQTT, ConnectionManager, Ticks as published upstream). Test helper.
 * <p>
 * Where the layout comes from: circup's Bundle ({@code circup/bundle.py}) downloads
 * {@code https://github.com/<repo>/releases/download/<tag>/<prefix>-<platform>-<tag>.zip}, platform {@code py} or
 * {@code <major>.x-mpy}; circuitpython-build-tools' build_bundles zips everything under one top folder named like the
 * zip ({@code <top>/lib/...}, {@code <top>/examples/...}, {@code <top>/README.txt}, {@code <top>/VERSIONS.txt};
 * circup reads {@code <top>/requirements/<module>/requirements.txt}) and writes {@code <prefix>-<tag>.json}, keyed by
 * module name with package, pypi_name, version, repo, path, dependencies and external_dependencies. Its build step
 * puts the release's version into {@code __version__ = "0.0.0+auto.0"}; this builder does the same.
 * <p>
 * What differs: there is no mpy-cross here, so the {@code <major>.x-mpy} zips hold the {@code .py} sources (the
 * installer takes {@code .mpy} or {@code .py} alike) with a last line {@code # <major>.x-mpy} standing in for the
 * bytecode that differs between majors.
 */
final class TestBundles {

	static final Path DEVICE_LIBS = Path.of("").toAbsolutePath()
			.resolve("../../../shared/device-libs/circuitpython").normalize();

	static final String TAG = "20241128";
	static final String COMMUNITY_TAG = "20241127";
	static final String MINIMQTT_VERSION = "7.10.3";
	static final String CONNECTION_MANAGER_VERSION = "3.1.2";
	static final String TICKS_VERSION = "1.1.1";
	static final String SENSOR_DEMO_VERSION = "0.3.0";

	/** Test-made library that only the Community bundle has; it needs Ticks from Adafruit's bundle. */
	static final String SENSOR_DEMO = "circuitpython_sensor_demo";

	private TestBundles() {
	}

	/** Adafruit's release {@code tag} under {@code <root>/adafruit/releases}, with a zip per major. */
	static Path adafruit(Path root, String tag, int... majors) throws IOException {
		Path releases = root.resolve("adafruit/releases");
		Map<String, Object> json = new TreeMap<>();
		json.put("adafruit_minimqtt", meta(true, "adafruit-circuitpython-minimqtt", MINIMQTT_VERSION,
				"https://github.com/adafruit/Adafruit_CircuitPython_MiniMQTT", "lib/adafruit_minimqtt",
				List.of("adafruit_connection_manager", "adafruit_ticks"), List.of()));
		json.put("adafruit_connection_manager", meta(false, "adafruit-circuitpython-connectionmanager",
				CONNECTION_MANAGER_VERSION, "https://github.com/adafruit/Adafruit_CircuitPython_ConnectionManager",
				"lib/adafruit_connection_manager", List.of(), List.of()));
		json.put("adafruit_ticks", meta(false, "adafruit-circuitpython-ticks", TICKS_VERSION,
				"https://github.com/adafruit/Adafruit_CircuitPython_Ticks", "lib/adafruit_ticks", List.of(), List.of()));
		Path download = releases.resolve("download/" + tag);
		Files.createDirectories(download);
		Files.writeString(download.resolve("adafruit-circuitpython-bundle-" + tag + ".json"),
				new GsonBuilder().create().toJson(json));
		for (int major : majors) {
			String top = "adafruit-circuitpython-bundle-" + major + ".x-mpy-" + tag;
			Map<String, byte[]> files = new LinkedHashMap<>();
			files.put("README.txt", text("Adafruit CircuitPython Library Bundle\n"));
			files.put("VERSIONS.txt", text(tag + "\r\n"
					+ "https://github.com/adafruit/Adafruit_CircuitPython_MiniMQTT/releases/tag/" + MINIMQTT_VERSION + "\r\n"));
			files.putAll(adafruitLibFiles(major));
			files.put("examples/minimqtt_simpletest.py", text("import adafruit_minimqtt.adafruit_minimqtt as MQTT\n"));
			files.put("requirements/adafruit_minimqtt/requirements.txt",
					text("Adafruit-Blinka\nAdafruit-Circuitpython-ConnectionManager\nadafruit-circuitpython-ticks\n"));
			Files.write(download.resolve(top + ".zip"), zip(top, files));
		}
		return releases;
	}

	/** The Community bundle's release {@code tag} under {@code <root>/community/releases}. */
	static Path community(Path root, String tag, int... majors) throws IOException {
		Path releases = root.resolve("community/releases");
		Map<String, Object> json = new TreeMap<>();
		json.put(SENSOR_DEMO, meta(false, "circuitpython-sensor-demo", SENSOR_DEMO_VERSION,
				"https://github.com/example/CircuitPython_Sensor_Demo", "lib/" + SENSOR_DEMO, List.of(),
				List.of("adafruit-circuitpython-ticks")));
		Path download = releases.resolve("download/" + tag);
		Files.createDirectories(download);
		Files.writeString(download.resolve("circuitpython-community-bundle-" + tag + ".json"),
				new GsonBuilder().create().toJson(json));
		for (int major : majors) {
			String top = "circuitpython-community-bundle-" + major + ".x-mpy-" + tag;
			Map<String, byte[]> files = new LinkedHashMap<>();
			files.put("README.txt", text("CircuitPython Community Library Bundle\n"));
			files.putAll(communityLibFiles(major));
			Files.write(download.resolve(top + ".zip"), zip(top, files));
		}
		return releases;
	}

	/** Writes {@code latest.json} as a mirror keeps it: the GitHub API's field. */
	static void latest(Path releases, String tag) throws IOException {
		Files.writeString(releases.resolve("latest.json"), "{\"tag_name\": \"" + tag + "\", \"name\": \"" + tag + "\"}");
	}

	/** What the Adafruit zip for {@code major} has under {@code lib/}, by drive path. */
	static Map<String, byte[]> adafruitLibFiles(int major) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		for (String name : List.of("__init__.py", "adafruit_minimqtt.py", "matcher.py")) {
			files.put("lib/adafruit_minimqtt/" + name,
					munge(DEVICE_LIBS.resolve("adafruit_minimqtt/" + name), MINIMQTT_VERSION, major));
		}
		files.put("lib/adafruit_connection_manager.py",
				munge(DEVICE_LIBS.resolve("adafruit_connection_manager.py"), CONNECTION_MANAGER_VERSION, major));
		files.put("lib/adafruit_ticks.py", munge(DEVICE_LIBS.resolve("adafruit_ticks.py"), TICKS_VERSION, major));
		return files;
	}

	static Map<String, byte[]> communityLibFiles(int major) {
		return Map.of("lib/" + SENSOR_DEMO + ".py", text("import adafruit_ticks\n__version__ = \"" + SENSOR_DEMO_VERSION
				+ "\"\n\ndef value():\n    return adafruit_ticks.ticks_ms() % 100\n# " + major + ".x-mpy\n"));
	}

	/** A zip with every entry under {@code top/}; entries are STORED, so a flipped byte leaves the zip readable. */
	static byte[] zip(String top, Map<String, byte[]> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setComment("{\"build-tools-version\": \"1.17.0\"}");
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				ZipEntry entry = new ZipEntry(top + "/" + file.getKey());
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(file.getValue().length);
				CRC32 crc = new CRC32();
				crc.update(file.getValue());
				entry.setCrc(crc.getValue());
				zip.putNextEntry(entry);
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static Map<String, Object> meta(boolean isPackage, String pypiName, String version, String repo,
			String path, List<String> dependencies, List<String> external) {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("package", isPackage);
		meta.put("pypi_name", pypiName);
		meta.put("version", version);
		meta.put("repo", repo);
		meta.put("path", path);
		meta.put("dependencies", dependencies);
		meta.put("external_dependencies", external);
		return meta;
	}

	private static byte[] munge(Path source, String version, int major) throws IOException {
		String content = Files.readString(source).replace("0.0.0+auto.0", version).replace("0.0.0-auto.0", version);
		return text(content + "# " + major + ".x-mpy\n");
	}

	static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
