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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.UnknownLibraries;
import io.mqttdevices.core.templates.Runtime;

/**
 * Validates the device settings files of a sensor project ({@code config.json}, {@code settings.toml}) and its
 * libraries declaration ({@code package.json}, {@code requirements.txt}, and the imports of its {@code .py} files that
 * need a library it does not declare) on every build; problems become markers at their line in the Problems view and
 * go away once fixed.
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
		if (delta == null || librariesMayHaveChanged(delta)) {
			checkLibraries(project);
		}
		return null;
	}

	static {
		// the index or a bundle was read and named other unknown libraries: mark them in the declarations
		UnknownLibraries.addListener(ConfigBuilder::recheckLibraries);
	}

	/** Checks the library declarations of every open sensor project again, in a job. */
	static void recheckLibraries() {
		Job job = Job.create("Checking library declarations", monitor -> { //$NON-NLS-1$
			for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
				if (project.isOpen() && project.hasNature(SensorNature.ID)) {
					checkLibraries(project);
				}
			}
		});
		job.setSystem(true);
		job.schedule();
	}

	/** The libraries file, a {@code .py} file or the project's own modules changed. */
	private static boolean librariesMayHaveChanged(IResourceDelta delta) throws CoreException {
		boolean[] changed = { false };
		delta.accept(d -> {
			IResource resource = d.getResource();
			if (resource.getType() == IResource.FILE && (resource.getName().endsWith(".py") //$NON-NLS-1$
					|| resource.getName().equals(Runtime.MICROPYTHON.librariesFile())
					|| resource.getName().equals(Runtime.CIRCUITPYTHON.librariesFile()))
					|| d.getKind() != IResourceDelta.CHANGED) {
				changed[0] = true;
			}
			return !changed[0];
		});
		return changed[0];
	}

	/**
	 * Marks the libraries file's problems, and each {@code .py} file's imports of a library it does not declare.
	 */
	static void checkLibraries(IProject project) throws CoreException {
		Runtime runtime = new ProjectDeviceSettings(project).runtime();
		IFile declaration = project.getFile(runtime.librariesFile());
		List<Requirement> declared = List.of();
		if (declaration.exists()) {
			declaration.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
			DeclaredLibraries.Declared parsed = DeclaredLibraries.parse(runtime, read(declaration));
			mark(declaration, parsed.problems());
			declared = parsed.requirements();
			Set<String> unknown = UnknownLibraries.names(runtime);
			mark(declaration, declared.stream().filter(r -> unknown.contains(r.name()))
					.map(r -> new ConfigProblem(r.line(), true, "Line " + r.line() + ": " + (runtime == Runtime.MICROPYTHON //$NON-NLS-1$ //$NON-NLS-2$
							? "the package index has no " + r.name() //$NON-NLS-1$
									+ (r.version() == null ? "" : " " + r.version()) //$NON-NLS-1$ //$NON-NLS-2$
									+ ": check the name, or the index in Preferences > MQTT Devices > Board Libraries." //$NON-NLS-1$
							: "neither the Adafruit nor the Community bundle has " + r.name() + ": check the name."))) //$NON-NLS-1$ //$NON-NLS-2$
					.toList());
		}
		List<IFile> sources = new ArrayList<>();
		project.accept(resource -> {
			if (resource.getType() == IResource.FILE && resource.getName().endsWith(".py")) { //$NON-NLS-1$
				sources.add((IFile) resource);
			}
			// lib/ holds installed libraries, not the project's code; hidden folders are the IDE's
			return resource.getType() != IResource.FOLDER
					|| !(resource.getName().startsWith(".") || resource.getProjectRelativePath().toString().equals("lib")); //$NON-NLS-1$ //$NON-NLS-2$
		});
		for (IFile source : sources) {
			source.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
			mark(source, LibraryImports.check(runtime, source.getName(), read(source), declared,
					name -> isLocalModule(project, name)));
		}
	}

	private static boolean isLocalModule(IProject project, String name) {
		for (String folder : List.of("", "lib/")) { //$NON-NLS-1$ //$NON-NLS-2$
			if (project.getFile(folder + name + ".py").exists() || project.getFile(folder + name + ".mpy").exists() //$NON-NLS-1$ //$NON-NLS-2$
					|| project.getFolder(folder + name).exists()) {
				return true;
			}
		}
		return false;
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
		getProject().deleteMarkers(MARKER, false, IResource.DEPTH_INFINITE);
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
		mark(file, problems);
	}

	private static void mark(IFile file, List<ConfigProblem> problems) throws CoreException {
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
