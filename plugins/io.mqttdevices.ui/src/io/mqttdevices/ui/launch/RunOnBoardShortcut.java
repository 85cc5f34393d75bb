/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * Run As > Run on Board: on a .py file runs that file, on the project (or another file) resets the board so it
 * runs main.py. Reuses the launch configuration of the same project and file, or makes one.
 */
public final class RunOnBoardShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			launch(Adapters.adapt(structured.getFirstElement(), IResource.class), mode);
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		launch(Adapters.adapt(editor.getEditorInput(), IResource.class), mode);
	}

	private static void launch(IResource resource, String mode) {
		if (resource == null) {
			return;
		}
		try {
			DebugUITools.launch(configuration(resource.getProject(), fileOf(resource)), mode);
		} catch (CoreException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
		}
	}

	/** The file to run: a Python file other than main.py / code.py, else none (reset the board). */
	static String fileOf(IResource resource) {
		if (resource instanceof IFile file && "py".equals(file.getFileExtension()) //$NON-NLS-1$
				&& !"main.py".equals(file.getProjectRelativePath().toString()) //$NON-NLS-1$
				&& !"code.py".equals(file.getProjectRelativePath().toString())) { //$NON-NLS-1$
			return file.getProjectRelativePath().toString();
		}
		return ""; //$NON-NLS-1$
	}

	public static ILaunchConfiguration configuration(IProject project, String file) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(RunOnBoardDelegate.TYPE_ID);
		for (ILaunchConfiguration existing : manager.getLaunchConfigurations(type)) {
			if (project.getName().equals(existing.getAttribute(RunOnBoardDelegate.ATTR_PROJECT, "")) //$NON-NLS-1$
					&& file.equals(existing.getAttribute(RunOnBoardDelegate.ATTR_FILE, ""))) { //$NON-NLS-1$
				return existing;
			}
		}
		String name = file.isEmpty() ? project.getName() : project.getName() + " " + file; //$NON-NLS-1$
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null,
				manager.generateLaunchConfigurationName(name.replace('/', '_')));
		copy.setAttribute(RunOnBoardDelegate.ATTR_PROJECT, project.getName());
		copy.setAttribute(RunOnBoardDelegate.ATTR_FILE, file);
		copy.setMappedResources(new IResource[] { project });
		return copy.doSave();
	}
}
