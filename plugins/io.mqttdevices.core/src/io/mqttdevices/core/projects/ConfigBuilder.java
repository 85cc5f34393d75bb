/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * Validates the device settings files of a sensor project ({@code config.json}, {@code settings.toml}) on every
 * build; problems become markers at their line in the Problems view and go away once fixed.
 */
public class ConfigBuilder extends IncrementalProjectBuilder {

	public static final String ID = "io.mqttdevices.core.configBuilder"; //$NON-NLS-1$
	public static final String MARKER = "io.mqttdevices.core.configProblem"; //$NON-NLS-1$

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IProject project = getProject();
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
		for (String name : List.of(ConfigValidator.CONFIG_JSON, ConfigValidator.SETTINGS_TOML)) {
			if (delta == null || delta.findMember(IPath.fromPortableString(name)) != null) {
				check(project.getFile(name));
			}
		}
		return null;
	}

	/**
	 * None: the builder only reads the settings files and marks them, so saving a file while it runs need not wait
	 * (with the default rule, the whole workspace, a save during a build shows "User Operation is Waiting").
	 */
	@Override
	public ISchedulingRule getRule(int kind, Map<String, String> args) {
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(MARKER, false, IResource.DEPTH_ONE);
	}

	/** Replaces the file's markers with its current problems. */
	static void check(IFile file) throws CoreException {
		if (!file.exists()) {
			return;
		}
		file.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
		String text = read(file);
		List<ConfigProblem> problems = file.getName().equals(ConfigValidator.CONFIG_JSON)
				? ConfigValidator.validateJson(text)
				: ConfigValidator.validateToml(text);
		for (ConfigProblem problem : problems) {
			// one step: a marker must never be seen (by the Problems view, a test) before it has its message
			file.createMarker(MARKER, Map.of(IMarker.MESSAGE, problem.message(), IMarker.LINE_NUMBER, problem.line(),
					IMarker.SEVERITY, problem.error() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING));
		}
	}

	private static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot read " + file.getFullPath(), e)); //$NON-NLS-1$
		}
	}
}
