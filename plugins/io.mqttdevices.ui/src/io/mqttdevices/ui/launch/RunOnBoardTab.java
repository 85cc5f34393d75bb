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

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.ui.internal.Messages;

/** The project, and the file to run (empty: reset the board so it runs main.py). */
public final class RunOnBoardTab extends AbstractLaunchConfigurationTab {

	private Text project;
	private Text file;

	@Override
	public void createControl(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		new Label(body, SWT.NONE).setText(Messages.RunOnBoardTab_project);
		project = new Text(body, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(project);
		new Label(body, SWT.NONE).setText(Messages.RunOnBoardTab_file);
		file = new Text(body, SWT.BORDER);
		file.setMessage(Messages.RunOnBoardTab_fileHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
		project.addModifyListener(e -> changed());
		file.addModifyListener(e -> changed());
		setControl(body);
	}

	private void changed() {
		setDirty(true);
		updateLaunchConfigurationDialog();
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(RunOnBoardDelegate.ATTR_PROJECT, ""); //$NON-NLS-1$
		configuration.setAttribute(RunOnBoardDelegate.ATTR_FILE, ""); //$NON-NLS-1$
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			project.setText(configuration.getAttribute(RunOnBoardDelegate.ATTR_PROJECT, "")); //$NON-NLS-1$
			file.setText(configuration.getAttribute(RunOnBoardDelegate.ATTR_FILE, "")); //$NON-NLS-1$
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(RunOnBoardDelegate.ATTR_PROJECT, project.getText().strip());
		configuration.setAttribute(RunOnBoardDelegate.ATTR_FILE, file.getText().strip());
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		setErrorMessage(null);
		String name = project.getText().strip();
		IProject p = name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (p == null || !p.isOpen()) {
			setErrorMessage(NLS.bind(Messages.RunOnBoard_noProject, name));
			return false;
		}
		String path = file.getText().strip();
		if (!path.isEmpty() && !p.getFile(path).exists()) {
			setErrorMessage(NLS.bind(Messages.RunOnBoard_noFile, path, name));
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.RunOnBoardTab_name;
	}
}
