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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.LibraryStatus.State;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;
import io.mqttdevices.tests.fixtures.TestBundles;
import io.mqttdevices.ui.libraries.BoardLibrariesView;
import io.mqttdevices.ui.libraries.LibraryCommands;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.LibrarySources;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/**
 * The Board Libraries view on a generated CircuitPython project: the bundle releases come from a real HTTP server on
 * 127.0.0.1 named by the preferences, the board is a CIRCUITPY folder whose boot_out.txt says CircuitPython 9.
 */
class BoardLibrariesViewTest {

	private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
	private static final List<String> MQTT_LIBRARIES = List.of("adafruit_connection_manager", "adafruit_ticks",
			"adafruit_minimqtt");

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	@RegisterExtension
	final LibrarySources sources = new LibrarySources();

	@AfterEach
	void forget() throws Exception {
		ProjectSecrets.removeAll("garden");
	}

	@Test
	void showsTheThreeLibrariesOfAGeneratedCircuitPythonProjectMissingInstallsThemThenShowsThemInstalled()
			throws Exception {
		drive.bootOut("9.2.1 on 2024-11-20", "Raspberry Pi Pico W with rp2040", "raspberry_pi_pico_w");
		IProject project = SensorProjectCreator.create(new ProjectSpec("garden", Runtime.CIRCUITPYTHON, Board.PICO_W,
				Sensor.ANALOG, "GP26", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false, "",
				false), null, new NullProgressMonitor());
		var node = new ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();

		BoardLibrariesView view = (BoardLibrariesView) workbench.page().showView(BoardLibrariesView.ID);
		if (view.project() == null) {
			assertTrue(view.headingText().startsWith("Select a sensor project"), view.headingText());
		}
		view.show(project);
		assertTrue(view.headingText().startsWith("garden (CircuitPython): libraries declared in requirements.txt"),
				view.headingText());
		assertEquals(List.of("adafruit_minimqtt", "adafruit_connection_manager"),
				view.rows().stream().map(LibraryStatus::name).toList(), "the declaration, before the board is read");
		assertFalse(enabled(LibraryCommands.INSTALL_MISSING), "nothing known to be missing before a read");

		execute(LibraryCommands.REFRESH);
		awaitIdle(view);
		assertEquals(MQTT_LIBRARIES, view.rows().stream().map(LibraryStatus::name).toList(), view.statusText());
		assertTrue(view.rows().stream().allMatch(r -> r.state() == State.MISSING), view.rows().toString());
		assertEquals(List.of("Missing", "Missing", "Missing"), column(view, "State"));
		assertEquals(List.of(TestBundles.CONNECTION_MANAGER_VERSION, TestBundles.TICKS_VERSION,
				TestBundles.MINIMQTT_VERSION), column(view, "Version offered"));
		assertEquals("0 of 3 libraries on the board as declared.", view.statusText());
		assertFalse(Files.exists(drive.root().resolve("lib/adafruit_ticks.py")), "a read writes nothing");

		assertTrue(enabled(LibraryCommands.INSTALL_MISSING));
		execute(LibraryCommands.INSTALL_MISSING);
		awaitIdle(view);
		assertEquals("Installed " + String.join(", ", MQTT_LIBRARIES), view.statusText());
		assertEquals(MQTT_LIBRARIES, view.rows().stream().map(LibraryStatus::name).toList());
		assertEquals(List.of("Installed", "Installed", "Installed"), column(view, "State"));
		assertEquals(List.of(TestBundles.CONNECTION_MANAGER_VERSION, TestBundles.TICKS_VERSION,
				TestBundles.MINIMQTT_VERSION), column(view, "On the board"));
		for (Map.Entry<String, byte[]> file : TestBundles.adafruitLibFiles(9).entrySet()) {
			Path onDrive = drive.root().resolve(file.getKey());
			assertArrayEquals(file.getValue(), Files.readAllBytes(onDrive), file.getKey());
		}
		assertFalse(enabled(LibraryCommands.INSTALL_MISSING), "nothing missing any more");
		assertFalse(enabled(LibraryCommands.UPDATE), "nothing outdated");
	}

	@Test
	void removeAsksFirstThenTakesTheSelectedLibraryOffTheDriveAndShowsItMissing() throws Exception {
		sources.installBeforeUpload(); // as installed: Flash installs the declared libraries, which the question says
		drive.bootOut("9.2.1 on 2024-11-20", "Raspberry Pi Pico W with rp2040", "raspberry_pi_pico_w");
		IProject project = SensorProjectCreator.create(new ProjectSpec("garden", Runtime.CIRCUITPYTHON, Board.PICO_W,
				Sensor.ANALOG, "GP26", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false, "",
				false), null, new NullProgressMonitor());
		var node = new ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();
		BoardLibrariesView view = (BoardLibrariesView) workbench.page().showView(BoardLibrariesView.ID);
		view.show(project);
		execute(LibraryCommands.REFRESH);
		awaitIdle(view);
		execute(LibraryCommands.INSTALL_MISSING);
		awaitIdle(view);
		assertEquals(List.of("Installed", "Installed", "Installed"), column(view, "State"), view.statusText());
		assertFalse(enabled(LibraryCommands.REMOVE), "nothing selected");

		select(view, "adafruit_minimqtt");
		assertTrue(enabled(LibraryCommands.REMOVE));
		Shell window = workbench.window().getShell();
		List<String> asked = new ArrayList<>();
		Widgets.whenDialogOpens(window, question -> {
			asked.add(question.getText());
			asked.addAll(Widgets.labels(question));
			click(Widgets.button(question, "Cancel"));
		});
		execute(LibraryCommands.REMOVE);
		assertTrue(asked.contains("Remove from the Board"), asked.toString());
		assertTrue(asked.contains("Remove adafruit_minimqtt from the board? The libraries it needs stay."
				+ " requirements.txt still lists adafruit_minimqtt, so the next Flash to CIRCUITPY installs it again:"
				+ " take it out of requirements.txt to keep it off the board."), asked.toString());
		assertFalse(view.isBusy(), "Cancel removes nothing");
		assertTrue(Files.isDirectory(drive.root().resolve("lib/adafruit_minimqtt")));

		Widgets.whenDialogOpens(window, question -> click(Widgets.button(question, "Remove")));
		execute(LibraryCommands.REMOVE);
		awaitIdle(view);
		assertEquals(List.of("Installed", "Installed", "Missing"), column(view, "State"), view.statusText());
		assertEquals(MQTT_LIBRARIES, view.rows().stream().map(LibraryStatus::name).toList());
		assertEquals("Removed adafruit_minimqtt (4 files and folders)", view.statusText());
		assertFalse(Files.exists(drive.root().resolve("lib/adafruit_minimqtt")));
		Map<String, byte[]> files = TestBundles.adafruitLibFiles(9);
		for (String kept : List.of("lib/adafruit_connection_manager.py", "lib/adafruit_ticks.py")) {
			assertArrayEquals(files.get(kept), Files.readAllBytes(drive.root().resolve(kept)), kept);
		}
		// Xvfb has no window manager to give the window back its activation when the dialog closes (the active shell
		// stays null and the commands' handlers are looked up in no part): a user's click on the view does this
		workbench.page().activate(view);
		UiWait.drain();
		assertTrue(enabled(LibraryCommands.INSTALL_MISSING));
	}

	@Test
	void aReadThatCannotReachTheBoardSaysWhyInOneLine() throws Exception {
		// no boot_out.txt: not a CircuitPython drive, or an unplugged board
		IProject project = SensorProjectCreator.create(new ProjectSpec("garden", Runtime.CIRCUITPYTHON, Board.PICO_W,
				Sensor.ANALOG, "GP26", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false, "",
				false), null, new NullProgressMonitor());
		var node = new ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();
		BoardLibrariesView view = (BoardLibrariesView) workbench.page().showView(BoardLibrariesView.ID);
		view.show(project);
		execute(LibraryCommands.REFRESH);
		awaitIdle(view);
		assertTrue(view.statusText().contains("boot_out.txt"), view.statusText());
		assertFalse(view.statusText().contains("\n"), "one line: " + view.statusText());
		assertTrue(view.rows().stream().allMatch(r -> r.state() == null), "the rows stay as declared");
	}

	private List<String> column(BoardLibrariesView view, String title) {
		Table table = table(view);
		int index = Arrays.asList(table.getColumns()).stream().map(c -> c.getText()).toList().indexOf(title);
		return Arrays.stream(table.getItems()).map((TableItem item) -> item.getText(index)).toList();
	}

	/** Selects the row of a library as a click does: the table's selection, then its event. */
	private void select(BoardLibrariesView view, String library) {
		Table table = table(view);
		int row = view.rows().stream().map(LibraryStatus::name).toList().indexOf(library);
		assertTrue(row >= 0, library + " is not a row");
		table.setSelection(row);
		table.notifyListeners(SWT.Selection, new Event());
		UiWait.drain();
	}

	private static void click(Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static Table table(BoardLibrariesView view) {
		return Widgets.all(view.getSite().getShell()).stream().filter(Table.class::isInstance).map(Table.class::cast)
				.filter(t -> Arrays.stream(t.getColumns()).anyMatch(c -> c.getText().equals("Detail"))).findFirst()
				.orElseThrow();
	}

	private void awaitIdle(BoardLibrariesView view) {
		UiWait.until(JOB_TIMEOUT, "the view's job to finish", () -> !view.isBusy());
	}

	private boolean enabled(String commandId) {
		Command command = workbench.window().getService(ICommandService.class).getCommand(commandId);
		return command.isEnabled();
	}

	private void execute(String commandId) {
		try {
			workbench.page().activate(workbench.page().findView(BoardLibrariesView.ID));
			workbench.window().getService(IHandlerService.class).executeCommand(commandId, null);
		} catch (Exception e) {
			throw new AssertionError(commandId + " failed", e);
		}
	}
}
