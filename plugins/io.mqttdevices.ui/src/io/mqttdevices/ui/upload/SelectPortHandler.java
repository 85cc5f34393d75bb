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
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.ui.internal.Messages;

/** Board Serial Port…: changes the port (and baud rate) the project's uploads and REPL use. */
public final class SelectPortHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IProject project = SelectedProject.of(event);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.UploadHandler_title, Messages.UploadHandler_noProject);
			return null;
		}
		UploadHandler.choosePort(shell, project, new ProjectDeviceSettings(project));
		return null;
	}
}
