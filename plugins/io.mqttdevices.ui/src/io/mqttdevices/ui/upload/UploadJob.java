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
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.libraries.ProjectLibraries;

/**
 * Upload to Board: borrows the project's serial port (the REPL view pauses meanwhile), installs the declared libraries
 * the board lacks, syncs the project's files and reports what it did. Cancelling stops between two commands to the board and removes the temporary file.
 */
public final class UploadJob extends ProjectToBoardJob {

	/** The family of upload and flash jobs, for tests and for waiting on them. */
	public static final Object FAMILY = UploadJob.class;
	/** What borrows the port, as the REPL view shows it. */
	public static final String BORROWER = "Upload to Board"; //$NON-NLS-1$
	private static final Duration PORT_WAIT = Duration.ofSeconds(5);
	private static final Duration BOARD_TIMEOUT = Duration.ofSeconds(10);

	public UploadJob(IProject project) {
		super(NLS.bind(Messages.UploadJob_name, project.getName()), project);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		try {
			var files = ProjectContent.read(project);
			UploadResult.Libraries[] libraries = new UploadResult.Libraries[1];
			List<Requirement> declared = declaredLibraries(libraries);
			try (PortLease lease = PortArbiter.getDefault().borrow(settings.port(), settings.baudRate(), BORROWER,
					PORT_WAIT)) {
				RawRepl repl = new RawRepl(lease.connection(), BOARD_TIMEOUT);
				if (!declared.isEmpty()) {
					// over the same session: the REPL view stays paused from the libraries to the code
					libraries[0] = installLibraries(
							() -> new ProjectLibraries(project).installMissing(repl, declared, progress.split(4)),
							monitor);
				}
				SyncReport report = new FileSync(repl, settings.syncOptions()).sync(files, progress.split(6));
				return offeringWatch(UploadResult.done(report, Messages.UploadJob_done,
						report.deleted().isEmpty() ? Messages.UploadJob_nothing : Messages.UploadJob_nothingButDeleted,
						libraries[0]));
			}
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.UploadJob_failed, project.getName(), e.getMessage()));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		}
	}
}
