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

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mqttdevices.core.projects.SensorNature;

/** The sensor project a command acts on: the selected resource's project, else the active editor's. */
public final class SelectedProject {

	private SelectedProject() {
	}

	/** @return the project, or null when neither the selection nor the editor is in an open sensor project */
	static IProject of(ExecutionEvent event) {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		IProject project = null;
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			project = resource == null ? null : resource.getProject();
		}
		if (project == null) {
			IEditorPart editor = HandlerUtil.getActiveEditor(event);
			IResource resource = editor == null ? null : Adapters.adapt(editor.getEditorInput(), IResource.class);
			project = resource == null ? null : resource.getProject();
		}
		return isSensorProject(project) ? project : null;
	}

	public static boolean isSensorProject(IProject project) {
		try {
			return project != null && project.isOpen() && project.hasNature(SensorNature.ID);
		} catch (CoreException e) {
			return false;
		}
	}
}
