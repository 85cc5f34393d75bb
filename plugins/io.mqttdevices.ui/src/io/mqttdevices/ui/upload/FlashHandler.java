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
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.ui.internal.Messages;

/** Flash to CIRCUITPY: copies the selected CircuitPython project to the board's drive in a Job. */
public final class FlashHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IProject project = SelectedProject.of(event);
		if (project == null) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.FlashHandler_title,
					Messages.UploadHandler_noProject);
			return null;
		}
		if (new ProjectDeviceSettings(project).runtime() != Runtime.CIRCUITPYTHON) {
			// the MQTT Devices menu offers it whatever is selected
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.FlashHandler_title,
					NLS.bind(Messages.FlashHandler_notCircuitPython, project.getName()));
			return null;
		}
		new FlashJob(project).schedule();
		return null;
	}
}
