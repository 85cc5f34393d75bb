/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.UnknownLibraries;
import io.mqttdevices.core.libraries.mip.MipIndex;
import io.mqttdevices.core.projects.ConfigBuilder;
import io.mqttdevices.core.projects.DeclaredLibraries;
import io.mqttdevices.core.projects.DeclaredLibraries.Declared;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;

/**
 * The libraries a project declares (mip's package.json, circup's requirements.txt): what the wizard writes, how the
 * files are read, and the builder's markers for a malformed declaration and for an import nothing declares.
 */
class LibrariesDeclarationTest {

	@AfterEach
	void clean() throws Exception {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
		ProjectSecrets.removeAll("shed");
	}

	@Test
	void packageJsonIsReadAsMipReadsIt() {
		Declared declared = DeclaredLibraries.parsePackageJson("""
				{
				  "version": "0.1",
				  "deps": [
				    ["umqtt.simple", "latest"],
				    ["umqtt.robust", "1.0.1"],
				    ["github:jane/sensors/lib", "main"],
				    ["logging"]
				  ]
				}
				""");
		assertEquals(List.of(), declared.problems());
		assertEquals(List.of(new Requirement("umqtt.simple", null, 4), new Requirement("umqtt.robust", "1.0.1", 5),
				new Requirement("github:jane/sensors/lib", "main", 6), new Requirement("logging", null, 7)),
				declared.requirements());
		assertEquals(Declared.NONE.requirements(), DeclaredLibraries.parsePackageJson("{\"urls\": []}").requirements());
	}

	@Test
	void packageJsonMistakesAreSaidInPlainWords() {
		Declared missingComma = DeclaredLibraries.parsePackageJson("{\n  \"deps\": [\n    [\"umqtt.simple\", \"latest\"]\n    [\"logging\"]\n  ]\n}\n");
		assertEquals(1, missingComma.problems().size());
		assertEquals(4, missingComma.problems().get(0).line());
		assertTrue(missingComma.problems().get(0).message().startsWith("Line 4: "), missingComma.problems().toString());
		assertNoLibraryWords(missingComma.problems().get(0).message());

		Declared notPairs = DeclaredLibraries.parsePackageJson("{\n  \"deps\": [\n    \"umqtt.simple\",\n    [\"a b\"]\n  ]\n}\n");
		assertEquals(List.of("Line 2: each entry of \"deps\" is [name] or [name, version] in quotes, like"
				+ " [\"umqtt.simple\", \"latest\"].", "Line 4: \"a b\" is not a library name: write one name like umqtt.simple."),
				notPairs.problems().stream().map(p -> p.message()).toList());
		assertTrue(notPairs.requirements().isEmpty());
	}

	@Test
	void requirementsTxtIsReadAsCircupReadsIt() {
		Declared declared = DeclaredLibraries.parseRequirements("""
				# the sensor's libraries
				adafruit_minimqtt
				adafruit-circuitpython-dht==4.0.9  # the PyPI name works too

				adafruit_ticks>=1.0 ; python_version >= "3"
				not a name
				""");
		assertEquals(List.of(new Requirement("adafruit_minimqtt", null, 2),
				new Requirement("adafruit-circuitpython-dht", "4.0.9", 3), new Requirement("adafruit_ticks", null, 5)),
				declared.requirements());
		assertEquals(List.of("Line 6: \"not a name\" is not a library name: write one name like adafruit_minimqtt."),
				declared.problems().stream().map(p -> p.message()).toList());
	}

	@Test
	void generatedProjectsDeclareWhatTheirCodeImports() throws Exception {
		IProject micro = SensorProjectCreator.create(spec("shed", Runtime.MICROPYTHON, Board.PICO_W, "26"), null,
				new NullProgressMonitor());
		build(micro);
		assertEquals(List.of(new Requirement("umqtt.simple", null, 3)),
				DeclaredLibraries.read(micro.getLocation().toPath(), Runtime.MICROPYTHON).requirements());
		assertEquals(List.of(), messages(micro), "a generated MicroPython project has no library problems");
		micro.delete(true, true, null);

		IProject circuit = SensorProjectCreator.create(spec("shed", Runtime.CIRCUITPYTHON, Board.ADAFRUIT, "D5"), null,
				new NullProgressMonitor());
		build(circuit);
		assertEquals(List.of("adafruit_minimqtt", "adafruit_connection_manager", "adafruit_dht"),
				DeclaredLibraries.read(circuit.getLocation().toPath(), Runtime.CIRCUITPYTHON).requirements().stream()
						.map(Requirement::name).toList());
		assertEquals(List.of(), messages(circuit), "a generated CircuitPython project has no library problems");
	}

	@Test
	void anImportNothingDeclaresIsAWarningAtItsLine() throws Exception {
		IProject project = SensorProjectCreator.create(spec("shed", Runtime.CIRCUITPYTHON, Board.ADAFRUIT, "D5"), null,
				new NullProgressMonitor());
		IFile requirements = project.getFile("requirements.txt");
		IFile code = project.getFile("code.py");
		String good = read(requirements);
		write(requirements, good.replace("adafruit_dht\n", "").replace("adafruit_minimqtt\n", "adafruit minimqtt\n"));
		build(project);

		IMarker[] onCode = markers(code);
		assertEquals(2, onCode.length, Arrays.toString(onCode));
		String codeText = read(code);
		IMarker dht = find(onCode, "adafruit_dht");
		assertEquals("code.py imports adafruit_dht, which requirements.txt does not list: add the line adafruit_dht,"
				+ " so Flash to CIRCUITPY installs it.", dht.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(lineOf(codeText, "import adafruit_dht"), dht.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_WARNING, dht.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(lineOf(codeText, "import adafruit_minimqtt"),
				find(onCode, "adafruit_minimqtt").getAttribute(IMarker.LINE_NUMBER, -1));
		IMarker[] onRequirements = markers(requirements);
		assertEquals(1, onRequirements.length);
		assertEquals("Line 1: \"adafruit minimqtt\" is not a library name: write one name like adafruit_minimqtt.",
				onRequirements[0].getAttribute(IMarker.MESSAGE, ""));
		assertEquals(IMarker.SEVERITY_ERROR, onRequirements[0].getAttribute(IMarker.SEVERITY, -1));

		// a module of the project's own is not a library to install
		project.getFile("adafruit_dht.py").create(new ByteArrayInputStream(new byte[0]), true, null);
		write(requirements, good);
		build(project);
		assertEquals(List.of(), messages(project), "declared again, the markers are gone");

		IProject micro = SensorProjectCreator.create(spec("shed2", Runtime.MICROPYTHON, Board.ESP8266, "0"), null,
				new NullProgressMonitor());
		write(micro.getFile("package.json"), "{\"deps\": []}\n");
		build(micro);
		IMarker[] onMain = markers(micro.getFile("main.py"));
		assertEquals(1, onMain.length);
		assertEquals("main.py imports umqtt.simple, which package.json does not declare: add [\"umqtt.simple\","
				+ " \"latest\"] to its \"deps\", so Upload to Board installs it.", onMain[0].getAttribute(IMarker.MESSAGE, ""));
		ProjectSecrets.removeAll("shed2");
	}

	/** "An unknown package name is a problem marker after the index was read once": the index here is a folder. */
	@Test
	void aNameTheIndexLacksIsMarkedOnceTheIndexWasRead(@TempDir Path tmp) throws Exception {
		Path index = tmp.resolve("index");
		Files.createDirectories(index.resolve("package/py/umqtt.simple"));
		Files.writeString(index.resolve("package/py/umqtt.simple/latest.json"), "{\"version\": \"1.8.0\", \"hashes\": []}");
		MipIndex mip = new MipIndex(index.toUri().toString(), new HttpFetcher(tmp.resolve("cache")));
		IProject project = SensorProjectCreator.create(spec("shed", Runtime.MICROPYTHON, Board.PICO_W, "26"), null,
				new NullProgressMonitor());
		IFile packageJson = project.getFile("package.json");
		write(packageJson, "{\n  \"deps\": [\n    [\"umqtt.simple\", \"latest\"],\n    [\"umqtt.simpel\", \"latest\"]\n  ]\n}\n");
		build(project);
		assertEquals(0, markers(packageJson).length, "before the index was read, no name is called unknown");

		mip.resolve(DeclaredLibraries.read(project.getLocation().toPath(), Runtime.MICROPYTHON).requirements(), "py",
				new NullProgressMonitor());
		IMarker unknown = waitForMarker(packageJson);
		assertEquals("Line 4: the package index has no umqtt.simpel: check the name, or the index in Preferences >"
				+ " MQTT Devices > Board Libraries.", unknown.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(IMarker.SEVERITY_ERROR, unknown.getAttribute(IMarker.SEVERITY, -1));

		write(packageJson, "{\"deps\": [[\"umqtt.simple\", \"latest\"]]}\n");
		build(project);
		assertEquals(0, markers(packageJson).length, "the misspelt name gone, so is its marker");
		mip.resolve(List.of(new Requirement("umqtt.simpel", null)), "py", new NullProgressMonitor());
		Files.createDirectories(index.resolve("package/py/umqtt.simpel"));
		Files.writeString(index.resolve("package/py/umqtt.simpel/latest.json"), "{\"version\": \"0.1\", \"hashes\": []}");
		mip.resolve(List.of(new Requirement("umqtt.simpel", null)), "py", new NullProgressMonitor());
		assertEquals(Set.of(), UnknownLibraries.names(Runtime.MICROPYTHON), "found by a later read, no longer unknown");
	}

	private static IMarker waitForMarker(IFile file) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			IMarker[] markers = markers(file);
			if (markers.length > 0) {
				assertEquals(1, markers.length, Arrays.toString(markers));
				return markers[0];
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no marker on " + file.getName() + " within 10 s");
	}

	private static ProjectSpec spec(String name, Runtime runtime, Board board, String pin) {
		return new ProjectSpec(name, runtime, board, Sensor.DHT22, pin, "net", "pw", "broker.local", 1883, false, "",
				"", "", "home", 5, false, "", false);
	}

	private static IMarker find(IMarker[] markers, String text) {
		for (IMarker marker : markers) {
			if (marker.getAttribute(IMarker.MESSAGE, "").contains(text)) {
				return marker;
			}
		}
		throw new AssertionError("no marker about " + text + " in " + Arrays.toString(markers));
	}

	private static List<String> messages(IProject project) throws CoreException {
		return Arrays.stream(project.findMarkers(ConfigBuilder.MARKER, false, IResource.DEPTH_INFINITE))
				.map(m -> m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
	}

	private static void assertNoLibraryWords(String message) {
		assertNull(List.of("Json", "Exception", "Strictness", "LENIENT").stream().filter(message::contains).findAny()
				.orElse(null), message);
	}

	private static void build(IProject project) throws CoreException {
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());
	}

	private static IMarker[] markers(IFile file) throws CoreException {
		return file.findMarkers(ConfigBuilder.MARKER, false, IResource.DEPTH_ZERO);
	}

	private static void write(IFile file, String text) throws CoreException {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	private static String read(IFile file) throws Exception {
		try (var in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int lineOf(String text, String what) {
		return (int) text.substring(0, text.indexOf(what)).chars().filter(c -> c == '\n').count() + 1;
	}
}
