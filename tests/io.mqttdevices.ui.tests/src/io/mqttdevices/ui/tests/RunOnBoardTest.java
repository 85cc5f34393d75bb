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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.ui.console.ConsolePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.ui.launch.RunOnBoardShortcut;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;

/** Run As > Run on Board: sync, then run a file or reset the board; output in a console; Stop gives the port back. */
class RunOnBoardTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@BeforeEach
	void consoleStaysInTheBackground() {
		// the console is created either way; showing it paints SVG icons, which the test runtime cannot rasterize
		IEclipsePreferences debugUi = InstanceScope.INSTANCE.getNode("org.eclipse.debug.ui");
		debugUi.putBoolean("DEBUG.consoleOpenOnOut", false);
		debugUi.putBoolean("DEBUG.consoleOpenOnErr", false);
	}

	@AfterEach
	void cleanUp() throws Exception {
		ProjectSecrets.removeAll("porch");
		DebugPlugin.getDefault().getLaunchManager().removeLaunches(
				DebugPlugin.getDefault().getLaunchManager().getLaunches());
		for (ILaunchConfiguration configuration : DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurations()) {
			configuration.delete();
		}
	}

	@Test
	void runsTheChosenFileAfterTheSyncWithItsOutputInAConsole() throws Exception {
		IProject project = project();
		project.getFile("hello.py").create(bytes("import lib_helper\nprint('hello from the board')\nprint(6 * 7)\n"),
				true, null);
		project.getFile("lib_helper.py").create(bytes("X = 1\n"), true, null);
		IProcess process = launch(project, "hello.py");
		UiWait.until(TIMEOUT, "the program to end", process::isTerminated);
		assertEquals("hello from the board\n42\n", process.getStreamsProxy().getOutputStreamMonitor().getContents());
		assertEquals(0, process.getExitValue());
		assertTrue(Files.exists(board.flashDir().resolve("lib_helper.py")), "the project was synced first");
		assertEquals(Optional.empty(), PortArbiter.getDefault().ownerOf(board.path()), "the port is free again");
		UiWait.until(Duration.ofSeconds(10), "a console for the run", () -> Arrays
				.stream(ConsolePlugin.getDefault().getConsoleManager().getConsoles())
				.anyMatch(c -> c.getName().contains("hello.py")));
	}

	@Test
	void aTracebackGoesToTheErrorStreamAndFailsTheRun() throws Exception {
		IProject project = project();
		project.getFile("boom.py").create(bytes("print('before')\nraise ValueError('boom')\n"), true, null);
		IProcess process = launch(project, "boom.py");
		UiWait.until(TIMEOUT, "the program to end", process::isTerminated);
		assertEquals("before\n", process.getStreamsProxy().getOutputStreamMonitor().getContents());
		String error = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertTrue(error.contains("ValueError: boom"), error);
		assertEquals(1, process.getExitValue());
	}

	@Test
	void withoutAFileTheBoardResetsAndStopGivesThePortBack() throws Exception {
		IProject project = project();
		IProcess process = launch(project, "");
		UiWait.until(TIMEOUT, "the board to reboot",
				() -> process.getStreamsProxy().getOutputStreamMonitor().getContents().contains("soft reboot"));
		assertTrue(PortArbiter.getDefault().ownerOf(board.path()).isPresent(), "the run has the port");
		assertTrue(process.canTerminate());
		process.terminate();
		UiWait.until(Duration.ofSeconds(10), "the run to stop", process::isTerminated);
		assertEquals(Optional.empty(), PortArbiter.getDefault().ownerOf(board.path()));
	}

	private IProcess launch(IProject project, String file) throws Exception {
		ILaunchConfiguration configuration = RunOnBoardShortcut.configuration(project, file);
		CompletableFuture<ILaunch> launching = CompletableFuture
				.supplyAsync(() -> {
					try {
						return configuration.launch("run", new NullProgressMonitor());
					} catch (Exception e) {
						throw new IllegalStateException(e);
					}
				});
		UiWait.until(TIMEOUT, "the launch", launching::isDone);
		ILaunch launch = launching.get();
		assertEquals(1, launch.getProcesses().length, "one process on the board");
		return launch.getProcesses()[0];
	}

	private IProject project() throws Exception {
		IProject project = SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false,
				"", false), null, new NullProgressMonitor());
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		return project;
	}

	private static ByteArrayInputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
