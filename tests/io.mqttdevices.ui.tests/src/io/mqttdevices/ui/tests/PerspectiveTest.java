/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.libraries.BoardLibrariesView;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;
import io.mqttdevices.ui.repl.BoardReplView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;

/** The MQTT Devices perspective opens in the real workbench with the views it promises. */
class PerspectiveTest {

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@Test
	void perspectiveIsRegisteredUnderItsName() {
		IPerspectiveDescriptor descriptor = PlatformUI.getWorkbench().getPerspectiveRegistry()
				.findPerspectiveWithId(MqttDevicesPerspective.ID);
		assertNotNull(descriptor);
		assertEquals("MQTT Devices", descriptor.getLabel());
	}

	@Test
	void opensWithProjectExplorerAndProblems() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(MqttDevicesPerspective.ID, workbench.window());
		UiWait.drain();
		assertEquals(MqttDevicesPerspective.ID, page.getPerspective().getId());
		assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "Project Explorer is open");
		assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems is open");
		List<String> shortcuts = Arrays.asList(page.getShowViewShortcuts());
		for (String view : List.of(IPageLayout.ID_PROJECT_EXPLORER, BoardReplView.ID, TopicExplorerView.ID,
				BoardLibrariesView.ID, "org.eclipse.ui.console.ConsoleView")) {
			assertTrue(shortcuts.contains(view), () -> view + " is not under Window > Show View: " + shortcuts);
		}
		page.resetPerspective();
	}
}
