/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.resources.IProject;

import io.mqttdevices.core.board.ProjectFiles;
import io.mqttdevices.core.projects.ProjectDeviceSettings;

/** The files of a project that go to the board, read from its folder (called from Jobs). */
public final class ProjectContent {

	private ProjectContent() {
	}

	public static Map<String, byte[]> read(IProject project) throws IOException {
		Path root = project.getLocation().toFile().toPath();
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (Map.Entry<String, Path> file : ProjectFiles.collect(root, new ProjectDeviceSettings(project).excludes())
				.entrySet()) {
			files.put(file.getKey(), Files.readAllBytes(file.getValue()));
		}
		return files;
	}
}
