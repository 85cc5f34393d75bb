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
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.libraries.ProjectLibraries;

/**
 * What Upload to Board and Flash to CIRCUITPY share: a user job on one project (which it locks, so the project's files
 * hold still), kept in the Progress view with its result, in the family {@link UploadJob#FAMILY}; the libraries the
 * project declares and the board lacks go on first, unless the preference says not to.
 */
abstract class ProjectToBoardJob extends Job {

	protected final IProject project;

	ProjectToBoardJob(String name, IProject project) {
		super(name);
		this.project = project;
		setUser(true);
		setRule(project);
		setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
	}

	/** A successful result (a warning about a library too: the code is on the board) offers "Watch its topics". */
	protected IStatus offeringWatch(IStatus result) {
		if (result.getSeverity() <= IStatus.WARNING) {
			setProperty(IProgressConstants.ACTION_PROPERTY, new WatchTopicsAction(project));
		}
		return result;
	}

	/** The libraries step of an upload or flash: installs what the board lacks. */
	protected interface LibraryStep {
		ProjectLibraries.Installed run() throws IOException;
	}

	/**
	 * The project's declared libraries when the preference asks to install them first; none otherwise, and none (with
	 * the reason in {@code problem}) when the declaration cannot be read.
	 */
	protected List<Requirement> declaredLibraries(UploadResult.Libraries[] problem) {
		if (!CorePreferences.installLibrariesBeforeUpload()) {
			return List.of();
		}
		try {
			return new ProjectLibraries(project).declared();
		} catch (IOException e) {
			problem[0] = UploadResult.Libraries.failed(e.getMessage());
			return List.of();
		}
	}

	/**
	 * Runs the libraries step. A library that cannot be had (offline with nothing cached, an unknown name) does not stop
	 * the code: the result says which and why, and the job ends with a warning.
	 *
	 * @throws IOException the board or the drive failed
	 */
	protected static UploadResult.Libraries installLibraries(LibraryStep step, IProgressMonitor monitor)
			throws IOException {
		try {
			return UploadResult.Libraries.of(step.run());
		} catch (LibraryException e) {
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			return UploadResult.Libraries.failed(e.getMessage());
		}
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == UploadJob.FAMILY;
	}
}
