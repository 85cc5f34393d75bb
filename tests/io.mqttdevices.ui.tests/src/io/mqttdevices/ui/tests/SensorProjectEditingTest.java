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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.projects.ConfigBuilder;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;

/** Working in a generated project: Python colouring, and markers for a broken config.json while editing. */
class SensorProjectEditingTest {

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@AfterEach
	void forgetSecrets() throws Exception {
		ProjectSecrets.removeAll("porch");
	}

	@Test
	void pythonOpensInTheGenericEditorWithColouredKeywords() throws Exception {
		IProject project = create();
		IEditorPart editor = IDE.openEditor(workbench.page(), project.getFile("main.py"));
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		StyledText text = (StyledText) editor.getAdapter(Control.class);
		int keyword = text.getText().indexOf("import time");
		int plain = text.getText().indexOf("time", keyword + 6) + 1;
		UiWait.until(Duration.ofSeconds(10), "keywords coloured", () -> {
			StyleRange style = text.getStyleRangeAtOffset(keyword);
			return style != null && (style.fontStyle & SWT.BOLD) != 0;
		});
		StyleRange other = text.getStyleRangeAtOffset(plain);
		assertTrue(other == null || (other.fontStyle & SWT.BOLD) == 0, "an identifier is not a keyword");
		StyleRange comment = text.getStyleRangeAtOffset(0);
		assertNotEquals(null, comment);
		assertTrue((comment.fontStyle & SWT.ITALIC) != 0, "the first line is a comment");
		// The editor's reconcilers start in jobs after a delay; an editor closed before they ran makes the platform
		// log a NullPointerException from its folding reconciler (a race in AbstractReconciler), not ours.
		UiWait.until(Duration.ofSeconds(10), "the editor's reconcilers started", () -> Arrays
				.stream(Job.getJobManager().find(null)).noneMatch(j -> j.getName().startsWith("Delayed Reconciler")));
	}

	@Test
	void brokenConfigJsonShowsAProblemUntilFixed() throws Exception {
		// Under Xvfb there is no desktop icon for .json files, and the Project Explorer would log an error while
		// decorating config.json's (missing) icon with the problem marker: not what this test is about.
		IViewPart explorer = workbench.page().findView(IPageLayout.ID_PROJECT_EXPLORER);
		if (explorer != null) {
			workbench.page().hideView(explorer);
		}
		IProject project = create();
		IFile config = project.getFile("config.json");
		String good = new String(config.getContents().readAllBytes(), StandardCharsets.UTF_8);
		write(config, good.replace("\"topic\": \"home\"", "\"topic\": \"home/#\""));
		UiWait.until(Duration.ofSeconds(10), "a marker on config.json", () -> markers(config).length == 1);
		IMarker marker = markers(config)[0];
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("wildcard"), marker.getAttribute(IMarker.MESSAGE, ""));
		assertTrue(marker.getAttribute(IMarker.LINE_NUMBER, -1) > 1);

		write(config, good);
		UiWait.until(Duration.ofSeconds(10), "the marker to go", () -> markers(config).length == 0);
	}

	private static IProject create() throws CoreException {
		return SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false,
				"", false), null, new NullProgressMonitor());
	}

	private static void write(IFile file, String text) throws CoreException {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ConfigBuilder.MARKER, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}
}
