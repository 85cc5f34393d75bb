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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

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

import io.mqttdevices.core.projects.ConfigBuilder;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorNature;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;

/** A generated project has the nature; a broken config.json gets a marker at the line, fixing it clears it. */
class ConfigBuilderTest {

	@AfterEach
	void clean() throws Exception {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
		ProjectSecrets.removeAll("attic");
	}

	@Test
	void brokenConfigGetsAMarkerThatGoesWhenFixed() throws Exception {
		ProjectSpec spec = new ProjectSpec("attic", Runtime.MICROPYTHON, Board.ESP32, Sensor.DHT22, "4", "net", "pw",
				"broker.local", 1883, false, "", "", "", "home", 5, false, "", false);
		IProject project = SensorProjectCreator.create(spec, null, new NullProgressMonitor());
		assertTrue(project.hasNature(SensorNature.ID));
		IFile config = project.getFile("config.json");
		String good = read(config);
		build(project);
		assertEquals(0, markers(config).length, "the generated config.json is valid");

		write(config, good.replace("\"port\": 1883", "\"port\": 0"));
		build(project);
		IMarker[] markers = markers(config);
		assertEquals(1, markers.length);
		assertEquals(lineOf(good, "\"port\""), markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));

		write(config, good);
		build(project);
		assertEquals(0, markers(config).length, "fixed, the marker is gone");
	}

	/** The marker the Problems view shows once read "...MalformedJsonException: Use JsonReader.setStrictness...". */
	@Test
	void aMissingCommaIsMarkedInPlainWords() throws Exception {
		ProjectSpec spec = new ProjectSpec("attic", Runtime.MICROPYTHON, Board.ESP32, Sensor.DHT22, "4", "net", "pw",
				"broker.local", 1883, false, "", "", "", "home", 5, false, "", false);
		IProject project = SensorProjectCreator.create(spec, null, new NullProgressMonitor());
		IFile config = project.getFile("config.json");
		String good = read(config);
		write(config, good.replaceFirst(",(\\s*\\n\\s*\"port\")", "$1"));
		build(project);
		IMarker[] markers = markers(config);
		assertEquals(1, markers.length);
		int line = lineOf(good, "\"port\"");
		assertEquals("Line " + line + ": a comma is missing before \"port\".", markers[0].getAttribute(IMarker.MESSAGE, ""));
		assertEquals(line, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
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
