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

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.ui.internal.Messages;

/** Upload to Board: asks for the port the first time, then syncs the selected sensor project in a Job. */
public final class UploadHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IProject project = SelectedProject.of(event);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.UploadHandler_title, Messages.UploadHandler_noProject);
			return null;
		}
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		if (settings.port().isEmpty() && !choosePort(shell, project, settings)) {
			return null;
		}
		new UploadJob(project).schedule();
		return null;
	}

	/** Asks for the port and remembers it; false when the user cancelled. */
	public static boolean choosePort(Shell shell, IProject project, ProjectDeviceSettings settings) {
		PortDialog dialog = new PortDialog(shell, project.getName(), settings.port(), settings.baudRate());
		if (dialog.open() != Window.OK) {
			return false;
		}
		try {
			settings.setPort(dialog.port(), dialog.baudRate());
		} catch (BackingStoreException e) {
			MessageDialog.openError(shell, Messages.PortDialog_title, e.getMessage());
			return false;
		}
		return true;
	}
}
