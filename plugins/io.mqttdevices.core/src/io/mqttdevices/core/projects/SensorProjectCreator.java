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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.security.storage.StorageException;

import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;

/**
 * Creates a sensor project in the workspace: all its files, its secrets in secure storage, or nothing at all. A
 * failure or a cancel removes what was made, so no half-made project is left behind.
 */
public final class SensorProjectCreator {

	private static final String BUNDLE = "io.mqttdevices.core"; //$NON-NLS-1$

	private SensorProjectCreator() {
	}

	/**
	 * @param location the project's folder, or null for the default place in the workspace
	 * @return the created, open project
	 */
	public static IProject create(ProjectSpec spec, URI location, IProgressMonitor monitor) throws CoreException {
		// generate first: an invalid spec fails before anything is written
		Map<String, byte[]> files;
		try {
			files = ProjectGenerator.generate(spec);
		} catch (IllegalArgumentException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + spec.name(), files.size() + 3); //$NON-NLS-1$
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(spec.name());
		if (project.exists()) {
			throw new CoreException(Status.error("A project named '" + spec.name() + "' already exists.")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		IProjectDescription description = workspace.newProjectDescription(spec.name());
		description.setLocationURI(location);
		description.setNatureIds(new String[] { SensorNature.ID });
		ICommand validate = description.newCommand();
		validate.setBuilderName(ConfigBuilder.ID);
		description.setBuildSpec(new ICommand[] { validate });
		boolean done = false;
		try {
			project.create(description, progress.split(1));
			project.open(progress.split(1));
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				write(project, file.getKey(), file.getValue(), progress.split(1));
			}
			storeSecrets(spec);
			progress.split(1);
			done = true;
			return project;
		} finally {
			if (!done) {
				undo(project, spec);
			}
		}
	}

	private static void write(IProject project, String path, byte[] content, IProgressMonitor monitor)
			throws CoreException {
		IFile file = project.getFile(IPath.fromPortableString(path));
		createParents(file.getParent());
		file.create(new ByteArrayInputStream(content), IFile.FORCE, monitor);
	}

	private static void createParents(IContainer container) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createParents(folder.getParent());
			folder.create(true, true, null);
		}
	}

	private static void storeSecrets(ProjectSpec spec) throws CoreException {
		try {
			ProjectSecrets.put(spec.name(), ProjectSecrets.WIFI_PASSWORD, spec.wifiPassword());
			ProjectSecrets.put(spec.name(), ProjectSecrets.BROKER_PASSWORD, spec.password());
		} catch (StorageException e) {
			throw new CoreException(new Status(IStatus.ERROR, BUNDLE,
					"Could not store the passwords in secure storage: " + e.getMessage(), e)); //$NON-NLS-1$
		}
	}

	private static void undo(IProject project, ProjectSpec spec) {
		try {
			if (project.exists()) {
				project.delete(true, true, null);
			}
			ProjectSecrets.removeAll(spec.name());
		} catch (CoreException | StorageException e) {
			// the original failure is what the user needs to see
		}
	}
}
