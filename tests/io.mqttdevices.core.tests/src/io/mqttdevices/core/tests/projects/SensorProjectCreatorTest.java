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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;

/** A sensor project is created whole, with its secrets in secure storage, or not at all. */
class SensorProjectCreatorTest {

	@TempDir
	Path temp;

	@AfterEach
	void clean() throws Exception {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
		ProjectSecrets.removeAll("greenhouse");
	}

	@Test
	void createsEveryFileAndStoresTheSecrets() throws Exception {
		IProject project = SensorProjectCreator.create(spec("greenhouse"), null, new NullProgressMonitor());
		assertTrue(project.isOpen());
		assertTrue(project.getFile("code.py").exists());
		assertTrue(project.getFile("settings.toml").exists());
		assertEquals("wifi-pw", ProjectSecrets.get("greenhouse", ProjectSecrets.WIFI_PASSWORD));
		assertEquals("broker-pw", ProjectSecrets.get("greenhouse", ProjectSecrets.BROKER_PASSWORD));
	}

	@Test
	void aFailedCreateLeavesNoProjectAndNoSecrets() throws Exception {
		Path notAFolder = Files.writeString(temp.resolve("occupied"), "a file where the project folder should go");
		assertThrows(CoreException.class,
				() -> SensorProjectCreator.create(spec("greenhouse"), notAFolder.toUri(), new NullProgressMonitor()));
		assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject("greenhouse").exists());
		assertNull(ProjectSecrets.get("greenhouse", ProjectSecrets.WIFI_PASSWORD));
		assertEquals("a file where the project folder should go", Files.readString(notAFolder));
	}

	@Test
	void anExistingProjectIsNeverTouched() throws Exception {
		IProject existing = ResourcesPlugin.getWorkspace().getRoot().getProject("greenhouse");
		existing.create(null);
		existing.open(null);
		CoreException error = assertThrows(CoreException.class,
				() -> SensorProjectCreator.create(spec("greenhouse"), null, new NullProgressMonitor()));
		assertTrue(error.getMessage().contains("already exists"), error.getMessage());
		assertTrue(existing.exists());
		assertFalse(existing.getFile("code.py").exists());
	}

	@Test
	void anInvalidSpecWritesNothing() {
		ProjectSpec invalid = new ProjectSpec("greenhouse", Runtime.CIRCUITPYTHON, Board.ESP8266, Sensor.ANALOG, "A0",
				"net", "", "h", 1883, false, "", "", "", "home", 5, false, "", false);
		assertThrows(CoreException.class, () -> SensorProjectCreator.create(invalid, null, new NullProgressMonitor()));
		assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject("greenhouse").exists());
	}

	private static ProjectSpec spec(String name) {
		return new ProjectSpec(name, Runtime.CIRCUITPYTHON, Board.PICO_W, Sensor.ANALOG, "GP26", "net", "wifi-pw",
				"broker.local", 1883, false, "user", "broker-pw", "", "home", 5, false, "", false);
	}
}
