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
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.core.circuitpy.DriveLocator;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.libraries.ProjectLibraries;

/**
 * Flash to CIRCUITPY: installs the declared libraries the drive lacks from the bundle, then copies the project's changed
 * files to the board's USB drive, code.py last.
 */
public final class FlashJob extends ProjectToBoardJob {

	public FlashJob(IProject project) {
		super(NLS.bind(Messages.FlashJob_name, project.getName()), project);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		try {
			CircuitPyFlasher flasher = new CircuitPyFlasher(new DriveLocator());
			Path drive = flasher.drive(new ProjectDeviceSettings(project).circuitPyDrive());
			var files = ProjectContent.read(project);
			UploadResult.Libraries[] libraries = new UploadResult.Libraries[1];
			List<Requirement> declared = declaredLibraries(libraries);
			if (!declared.isEmpty()) {
				// the libraries first: code.py then starts with everything it imports there
				libraries[0] = installLibraries(
						() -> new ProjectLibraries(project).installMissing(flasher, drive, declared, progress.split(4)),
						monitor);
			}
			return offeringWatch(UploadResult.done(flasher.flash(drive, files, progress.split(6)),
					Messages.FlashJob_done, Messages.FlashJob_nothing, libraries[0]));
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.FlashJob_failed, project.getName(), e.getMessage()));
		}
	}
}
