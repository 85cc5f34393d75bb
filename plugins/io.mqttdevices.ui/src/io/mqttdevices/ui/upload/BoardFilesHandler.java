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

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mqttdevices.core.board.BoardFiles;
import io.mqttdevices.core.board.DeviceEntry;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.ui.internal.Messages;

/** Board Files...: lists the files on the project's board (read in a Job, shown in a dialog). */
public final class BoardFilesHandler extends AbstractHandler {

	/** What borrows the port, as the REPL view shows it. */
	public static final String BORROWER = "Board Files"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IProject project = SelectedProject.of(event);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.BoardFiles_title, Messages.UploadHandler_noProject);
			return null;
		}
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		if (settings.port().isEmpty() && !UploadHandler.choosePort(shell, project, settings)) {
			return null;
		}
		Job job = Job.create(NLS.bind(Messages.BoardFiles_job, project.getName()), monitor -> {
			try (PortLease lease = PortArbiter.getDefault().borrow(settings.port(), settings.baudRate(), BORROWER,
					Duration.ofSeconds(5))) {
				List<DeviceEntry> entries = BoardFiles.listBoard(new RawRepl(lease.connection(), Duration.ofSeconds(10)));
				PlatformUI.getWorkbench().getDisplay().asyncExec(() -> show(project.getName(), entries));
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.BoardFiles_failed, project.getName(), e.getMessage()));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Status.CANCEL_STATUS;
			}
		});
		job.setUser(true);
		job.schedule();
		return null;
	}

	private static void show(String project, List<DeviceEntry> entries) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getShell().isDisposed()) {
			return;
		}
		BoardFilesDialog dialog = new BoardFilesDialog(window.getShell(), project, entries);
		dialog.setBlockOnOpen(false);
		dialog.open();
	}
}
