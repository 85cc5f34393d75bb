/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.support;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a clean workspace and workbench: no projects, no editors, no dialogs left open by an earlier test.
 */
public final class CleanWorkbench implements BeforeEachCallback, AfterEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) throws CoreException {
		clean();
	}

	@Override
	public void afterEach(ExtensionContext context) throws CoreException {
		clean();
	}

	/** The active workbench window; the harness always has one. */
	public IWorkbenchWindow window() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
				? PlatformUI.getWorkbench().getActiveWorkbenchWindow()
				: PlatformUI.getWorkbench().getWorkbenchWindows()[0];
	}

	public IWorkbenchPage page() {
		return window().getActivePage();
	}

	private void clean() throws CoreException {
		Shell main = window().getShell();
		for (Shell shell : main.getDisplay().getShells()) {
			if (shell != main && !shell.isDisposed()) {
				shell.close();
			}
		}
		page().closeAllEditors(false);
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		for (IProject project : root.getProjects()) {
			project.delete(true, true, new NullProgressMonitor());
		}
		UiWait.drain();
	}
}
