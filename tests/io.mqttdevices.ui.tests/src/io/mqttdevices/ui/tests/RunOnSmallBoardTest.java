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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.ui.launch.RunOnBoardShortcut;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;

/** Run on Board on the simulator's ESP8266 profile (30 KB of heap, 115200 baud): a program larger than one command. */
class RunOnSmallBoardTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);
	private static final int FUNCTIONS = 150;

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create().profile(SimulatedBoard.ESP8266);

	@BeforeEach
	void consoleStaysInTheBackground() {
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
	void aMainPyLargerThanACommandRunsAndPrints() throws Exception {
		IProject project = SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false,
				"", false), null, new NullProgressMonitor());
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		String program = bigProgram();
		assertTrue(program.length() > 12 * 1024, "larger than the esp8266 profile's 6 KB command: " + program.length());
		project.getFile("main.py").setContents(new ByteArrayInputStream(program.getBytes(StandardCharsets.UTF_8)),
				true, false, null);

		IProcess process = launch(project, "main.py");
		UiWait.until(TIMEOUT, "the program to end", process::isTerminated);
		String error = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertEquals("", error);
		int total = 0;
		for (int i = 0; i < FUNCTIONS; i++) {
			total += i * i % 100;
		}
		assertEquals("starting\nready: " + FUNCTIONS + " readings\ntotal " + total + "\n",
				process.getStreamsProxy().getOutputStreamMonitor().getContents());
		assertEquals(0, process.getExitValue());
	}

	@Test
	void aTracebackInALaterPieceNamesTheFileAndItsLine() throws Exception {
		IProject project = SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false,
				"", false), null, new NullProgressMonitor());
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		String program = bigProgram() + "raise ValueError('late')\n";
		int line = (int) program.chars().filter(c -> c == '\n').count();
		project.getFile("main.py").setContents(new ByteArrayInputStream(program.getBytes(StandardCharsets.UTF_8)),
				true, false, null);

		IProcess process = launch(project, "main.py");
		UiWait.until(TIMEOUT, "the program to end", process::isTerminated);
		String error = process.getStreamsProxy().getErrorStreamMonitor().getContents();
		assertTrue(error.contains("File \"main.py\", line " + line) && error.contains("ValueError: late"), error);
		assertEquals(1, process.getExitValue());
	}

	/** Over 12 KB of Python: many small functions, then a loop that calls them all. */
	private static String bigProgram() {
		StringBuilder program = new StringBuilder("print('starting')\n\n");
		for (int i = 0; i < FUNCTIONS; i++) {
			program.append("def reading_").append(i).append("(value):\n");
			program.append("    # scale a raw reading of sensor ").append(i).append(" into a percentage\n");
			program.append("    return value * ").append(i).append(" % 100\n\n\n");
		}
		program.append("print('ready:', ").append(FUNCTIONS).append(", 'readings')\n");
		program.append("total = 0\nfor i in range(").append(FUNCTIONS).append("):\n");
		program.append("    total += globals()['reading_%d' % i](i)\n");
		program.append("print('total', total)\n");
		return program.toString();
	}

	private IProcess launch(IProject project, String file) throws Exception {
		ILaunchConfiguration configuration = RunOnBoardShortcut.configuration(project, file);
		CompletableFuture<ILaunch> launching = CompletableFuture.supplyAsync(() -> {
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
}
