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

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * What Upload to Board and Flash to CIRCUITPY share: a user job on one project (which it locks, so the project's files
 * hold still), kept in the Progress view with its result, in the family {@link UploadJob#FAMILY}.
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

	/** A successful result offers "Watch its topics" beside it in the Progress view. */
	protected IStatus offeringWatch(IStatus result) {
		if (result.isOK()) {
			setProperty(IProgressConstants.ACTION_PROPERTY, new WatchTopicsAction(project));
		}
		return result;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == UploadJob.FAMILY;
	}
}
