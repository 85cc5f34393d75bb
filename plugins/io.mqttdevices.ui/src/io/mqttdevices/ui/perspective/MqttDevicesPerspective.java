/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.perspective;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.libraries.BoardLibrariesView;
import io.mqttdevices.ui.repl.BoardReplView;
import io.mqttdevices.ui.wizards.NewSensorProjectWizard;

/**
 * The "MQTT Devices" perspective: projects on the left, the editor in the middle, problems and the device views
 * below; the Run menu and toolbar (Run As &gt; Run on Board) and our views under Window &gt; Show View.
 */
public class MqttDevicesPerspective implements IPerspectiveFactory {

	public static final String ID = "io.mqttdevices.ui.perspective"; //$NON-NLS-1$
	/** IConsoleConstants.ID_CONSOLE_VIEW, where Run on Board prints. */
	static final String CONSOLE_VIEW = "org.eclipse.ui.console.ConsoleView"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editorArea); //$NON-NLS-1$
		left.addView(IPageLayout.ID_PROJECT_EXPLORER);

		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.65f, editorArea); //$NON-NLS-1$
		bottom.addView(BoardReplView.ID);
		bottom.addPlaceholder(CONSOLE_VIEW);
		bottom.addPlaceholder(BoardLibrariesView.ID); // beside the REPL: its table needs the width
		IFolderLayout problems = layout.createFolder("bottomRight", IPageLayout.RIGHT, 0.62f, "bottom"); //$NON-NLS-1$ //$NON-NLS-2$
		problems.addView(IPageLayout.ID_PROBLEM_VIEW);

		layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
		layout.addShowViewShortcut(BoardReplView.ID);
		layout.addShowViewShortcut(TopicExplorerView.ID);
		layout.addShowViewShortcut(BoardLibrariesView.ID);
		layout.addShowViewShortcut(CONSOLE_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addPerspectiveShortcut(ID);
		layout.addNewWizardShortcut(NewSensorProjectWizard.ID);
	}
}
