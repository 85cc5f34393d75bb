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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.ui.launch.RunOnBoardShortcut;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;
import io.mqttdevices.ui.repl.BoardReplView;
import io.mqttdevices.ui.repl.ReplCommands;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/** The Board REPL view in the real workbench, against real MicroPython on a pseudo-terminal. */
class BoardReplViewTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** The start of the tooltips of the view toolbar's buttons (the commands' descriptions in plugin.properties). */
	private static final String CONNECT = "Open the REPL";
	private static final String DISCONNECT = "Close the REPL";
	private static final String INTERRUPT = "Stop the program";
	private static final String SOFT_RESET = "Restart MicroPython";
	private static final String HARD_RESET = "Reset the board";
	private static final String CLEAR = "Clear the terminal";

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	private BoardReplView view;

	@BeforeEach
	void openView() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(MqttDevicesPerspective.ID, workbench.window());
		view = (BoardReplView) page.showView(BoardReplView.ID);
		UiWait.drain();
	}

	@AfterEach
	void closeView() {
		workbench.page().hideView(view);
		UiWait.drain();
	}

	@Test
	void connectsShowsThePromptAndEvaluatesWhatIsTyped() {
		connectTo(board.path());
		awaitScreen(">>> ");
		untilOnScreen("the status line saying connected",
				() -> view.statusText().equals("Connected to " + board.path() + " at 115200 baud"));
		type("print(1+1)\r");
		awaitLineAfter("print(1+1)", "2");
	}

	@Test
	void ctrlCFromTheKeyboardAbandonsAHalfTypedBlock() {
		connectTo(board.path());
		awaitScreen(">>> ");
		type("for i in range(3):\r");
		awaitScreen("... ");
		type("\u0003");
		type("print('i' in globals())\r");
		awaitLineAfter("print('i' in globals())", "False");
	}

	@Test
	void softResetShowsTheSoftRebootBanner() {
		connectTo(board.path());
		awaitScreen(">>> ");
		clickTool(SOFT_RESET);
		awaitScreen("MPY: soft reboot");
		type("\u0004");
		UiWait.until(WAIT, "a second soft reboot from Ctrl-D typed",
				() -> view.screenText().indexOf("MPY: soft reboot") != view.screenText()
						.lastIndexOf("MPY: soft reboot"));
	}

	@Test
	void pastedMultiLineFunctionRunsWithItsIndentation() {
		connectTo(board.path());
		awaitScreen(">>> ");
		assertTrue(view.terminal().pasteString("def twice(a):\n    if a:\n        return a * 2\n    return -1\n"));
		awaitScreen("===     return -1");
		type("print(twice(21), twice(0))\r");
		awaitLineAfter("print(twice(21), twice(0))", "42 -1");
	}

	@Test
	void unplugWaitsThenReplugReconnectsWithinTwoSecondsByItself() throws Exception {
		connectTo(board.path());
		awaitScreen(">>> ");
		board.unplug();
		UiWait.until(WAIT, "waiting state", () -> view.sessionState() == State.WAITING);
		assertTrue(view.statusText().startsWith("Waiting for " + board.path()), view.statusText());
		awaitScreen("Waiting for " + board.path());

		board.replug();
		long plugged = System.nanoTime();
		UiWait.until(WAIT, "reconnected", () -> view.sessionState() == State.CONNECTED);
		long millis = (System.nanoTime() - plugged) / 1_000_000;
		assertTrue(millis <= 2000, "reconnected " + millis + " ms after the board came back");
		String reconnected = "[Reconnected to " + board.path() + "]";
		awaitScreen(reconnected);
		// the board was just plugged in and is still booting: like a user, wait for its prompt before typing
		type("\r");
		untilOnScreen("a prompt after '" + reconnected + "'", () -> {
			String screen = view.screenText();
			return screen.indexOf(">>> ", screen.lastIndexOf(reconnected)) >= 0;
		});
		type("print(3*3)\r");
		awaitLineAfter("print(3*3)", "9");
	}

	@Test
	void aBorrowPausesTheReplAndItResumesAfterwards() throws Exception {
		connectTo(board.path());
		awaitScreen(">>> ");
		try (PortLease upload = PortArbiter.getDefault().borrow(board.path(), 115200, "Upload to Board",
				Duration.ofSeconds(5))) {
			UiWait.until(WAIT, "paused", () -> view.sessionState() == State.PAUSED);
			assertEquals("Paused: Upload to Board is using " + board.path(), view.statusText());
			SerialConnection port = upload.connection();
			port.write("print(6*7)\r".getBytes(StandardCharsets.US_ASCII));
			String seen = readUntil(port, "42");
			assertTrue(seen.contains("42"), seen);
		}
		awaitScreen("[Resumed after Upload to Board]");
		UiWait.until(WAIT, "connected again", () -> view.sessionState() == State.CONNECTED);
		type("print(2+3)\r");
		awaitLineAfter("print(2+3)", "5");
	}

	@Test
	void runOnBoardIsNamedWhenItBorrowsThePort() throws Exception {
		// the run's console is made either way; showing it paints SVG icons, which the test runtime cannot rasterize
		IEclipsePreferences debugUi = InstanceScope.INSTANCE.getNode("org.eclipse.debug.ui");
		debugUi.putBoolean("DEBUG.consoleOpenOnOut", false);
		debugUi.putBoolean("DEBUG.consoleOpenOnErr", false);
		connectTo(board.path());
		awaitScreen(">>> ");
		IProject project = SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "", "home", 5, false,
				"", false), null, new NullProgressMonitor());
		try {
			new ProjectDeviceSettings(project).setPort(board.path(), 115200);
			ILaunchConfiguration configuration = RunOnBoardShortcut.configuration(project, "");
			CompletableFuture<ILaunch> launching = CompletableFuture.supplyAsync(() -> {
				try {
					return configuration.launch("run", new NullProgressMonitor());
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			awaitScreen("[Paused: Run on Board is using " + board.path() + "]");
			UiWait.until(Duration.ofSeconds(60), "the launch", launching::isDone);
			assertEquals("Paused: Run on Board is using " + board.path(), view.statusText());
			IProcess process = launching.get().getProcesses()[0];
			process.terminate();
			awaitScreen("[Resumed after Run on Board]");
		} finally {
			DebugPlugin.getDefault().getLaunchManager()
					.removeLaunches(DebugPlugin.getDefault().getLaunchManager().getLaunches());
			for (ILaunchConfiguration configuration : DebugPlugin.getDefault().getLaunchManager()
					.getLaunchConfigurations()) {
				configuration.delete();
			}
			ProjectSecrets.removeAll("porch");
		}
	}

	@Test
	void aMissingPortIsAClearLineAndNoDialog() {
		String missing = board.path() + "-missing";
		connectTo(missing);
		awaitScreen("Serial port " + missing + " does not exist.");
		UiWait.until(WAIT, "waiting state", () -> view.sessionState() == State.WAITING);
		assertTrue(view.statusText().contains("does not exist"), view.statusText());
		assertNoDialog();
	}

	@Test
	void noPortChosenIsSaidInTheStatusLine() {
		portCombo().setText("");
		clickTool(CONNECT);
		UiWait.drain();
		assertEquals("Choose a serial port, or type its path.", view.statusText());
		assertEquals(State.DISCONNECTED, view.sessionState());
		assertNoDialog();
	}

	@Test
	void thePortIsRememberedForTheProjectBeingEdited() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("greenhouse");
		project.create(null);
		project.open(null);
		IFile main = project.getFile("main.py");
		main.create(new ByteArrayInputStream("print('hi')\n".getBytes(StandardCharsets.UTF_8)), true, null);
		IDE.openEditor(workbench.page(), main);
		// as in SensorProjectEditingTest: an editor closed before its reconcilers started makes the platform log
		UiWait.until(WAIT, "the editor's reconcilers started", () -> Arrays.stream(Job.getJobManager().find(null))
				.noneMatch(job -> job.getName().startsWith("Delayed Reconciler")));

		connectTo(board.path());
		awaitScreen(">>> ");
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		UiWait.until(WAIT, "the port in the project's settings", () -> board.path().equals(settings.port()));
		assertEquals(115200, settings.baudRate());

		workbench.page().hideView(view);
		UiWait.drain();
		view = (BoardReplView) workbench.page().showView(BoardReplView.ID);
		UiWait.drain();
		assertEquals(board.path(), view.portPath(), "the reopened view offers the project's port");
		assertEquals(board.path(), portCombo().getText());
	}

	@Test
	void theViewIsInTheMqttDevicesPerspective() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(MqttDevicesPerspective.ID, workbench.window());
		UiWait.drain();
		assertNotNull(page.findView(BoardReplView.ID));
		assertTrue(Arrays.asList(page.getShowViewShortcuts()).contains(BoardReplView.ID));
		page.resetPerspective();
		view = (BoardReplView) page.showView(BoardReplView.ID);
	}

	/** A user's toolbar tour: icons, tooltips, and only what the connection allows is enabled. */
	@Test
	void actionsAreCommandsInTheToolbarViewMenuAndContextMenuEnabledByTheConnection() {
		assertTrue(Arrays.stream(view.getViewSite().getActionBars().getToolBarManager().getItems())
				.noneMatch(ActionContributionItem.class::isInstance), "no JFace actions of the view's own");
		UiWait.until(WAIT, "Connect enabled", () -> toolItem(CONNECT).isEnabled());
		UiWait.until(WAIT, "Clear enabled", () -> toolItem(CLEAR).isEnabled());
		for (String tooltip : List.of(DISCONNECT, INTERRUPT, SOFT_RESET, HARD_RESET)) {
			UiWait.until(WAIT, tooltip + " disabled", () -> !toolItem(tooltip).isEnabled());
		}
		for (String tooltip : List.of(CONNECT, DISCONNECT, INTERRUPT, SOFT_RESET, HARD_RESET, CLEAR)) {
			assertNotNull(toolItem(tooltip).getImage(), tooltip + " has an icon");
		}
		assertEquals(List.of(ReplCommands.CONNECT, ReplCommands.DISCONNECT, ReplCommands.INTERRUPT,
				ReplCommands.SOFT_RESET, ReplCommands.HARD_RESET, ReplCommands.CLEAR), viewMenuCommands());

		connectTo(board.path());
		awaitScreen(">>> ");
		UiWait.until(WAIT, "Connect disabled", () -> !toolItem(CONNECT).isEnabled());
		for (String tooltip : List.of(DISCONNECT, INTERRUPT, SOFT_RESET, HARD_RESET, CLEAR)) {
			UiWait.until(WAIT, tooltip + " enabled", () -> toolItem(tooltip).isEnabled());
		}
		assertEquals(List.of("Copy", "Paste", "Interrupt", "Soft Reset", "Clear"), contextMenu());

		type("print('before clear')\r");
		awaitLineAfter("print('before clear')", "before clear");
		chooseFromContextMenu("Clear");
		UiWait.until(WAIT, "a clear terminal", () -> !view.screenText().contains("before clear"));

		clickTool(DISCONNECT);
		UiWait.until(WAIT, "disconnected", view::isClosed);
		UiWait.until(WAIT, "Connect enabled again", () -> toolItem(CONNECT).isEnabled());
		UiWait.until(WAIT, "Interrupt disabled again", () -> !toolItem(INTERRUPT).isEnabled());
		assertEquals(List.of("Copy", "Clear"), contextMenu(), "Paste, Interrupt and Soft Reset need the board");
	}

	/** Interrupt and Soft Reset run as commands, as the toolbar, the menus and key bindings run them. */
	@Test
	void interruptAndSoftResetThroughTheirCommandsReachTheBoard() throws Exception {
		connectTo(board.path());
		awaitScreen(">>> ");
		type("for i in range(3):\r");
		awaitScreen("... ");
		UiWait.until(WAIT, "Interrupt enabled", () -> commands().getCommand(ReplCommands.INTERRUPT).isEnabled());
		handlers().executeCommand(ReplCommands.INTERRUPT, null);
		type("print('i' in globals())\r");
		awaitLineAfter("print('i' in globals())", "False");

		handlers().executeCommand(ReplCommands.SOFT_RESET, null);
		awaitScreen("MPY: soft reboot");
	}

	/** A user clicks the REPL's toolbar while another view is active: the click must work the first time. */
	@Test
	void theCommandsWorkWhileAnotherViewIsActive() throws Exception {
		portCombo().setText(board.path());
		workbench.page().showView(IPageLayout.ID_PROJECT_EXPLORER);
		UiWait.drain();
		assertFalse(workbench.page().getActivePart() == view, "another view is active");
		assertTrue(commands().getCommand(ReplCommands.CONNECT).isEnabled(), "Connect while the REPL is not active");
		assertFalse(commands().getCommand(ReplCommands.DISCONNECT).isEnabled(), "nothing to disconnect");

		IHandlerService window = workbench.window().getService(IHandlerService.class);
		window.executeCommand(ReplCommands.CONNECT, null);
		UiWait.until(WAIT, "the terminal connected", view::isConnected);
		awaitScreen(">>> ");
		UiWait.until(WAIT, "Soft Reset enabled", () -> commands().getCommand(ReplCommands.SOFT_RESET).isEnabled());
		assertFalse(workbench.page().getActivePart() == view, "the other view is still active");
		window.executeCommand(ReplCommands.SOFT_RESET, null);
		awaitScreen("MPY: soft reboot");
		window.executeCommand(ReplCommands.DISCONNECT, null);
		UiWait.until(WAIT, "disconnected", view::isClosed);
	}

	private void connectTo(String path) {
		portCombo().setText(path);
		clickTool(CONNECT);
		UiWait.until(WAIT, "the terminal connected", view::isConnected);
	}

	private void type(String keys) {
		for (char key : keys.toCharArray()) {
			view.terminal().sendKey(key);
		}
	}

	private void awaitScreen(String text) {
		untilOnScreen("'" + text + "'", () -> view.screenText().contains(text));
	}

	private void untilOnScreen(String what, BooleanSupplier condition) {
		try {
			UiWait.until(WAIT, what, condition);
		} catch (AssertionError e) {
			fail(e.getMessage() + "\nThe screen shows:\n" + view.screenText() + "\nThe status line: "
					+ view.statusText());
		}
	}

	/** Waits for a line reading {@code answer} right after the line ending with {@code command}. */
	private void awaitLineAfter(String command, String answer) {
		untilOnScreen("'" + answer + "' after '" + command + "'", () -> {
			List<String> lines = view.screenText().lines().map(String::strip).toList();
			for (int i = 0; i + 1 < lines.size(); i++) {
				if (lines.get(i).endsWith(command) && lines.get(i + 1).equals(answer)) {
					return true;
				}
			}
			return false;
		});
	}

	private Combo portCombo() {
		List<Control> controls = Widgets.all((Composite) view.terminal().getRootControl().getParent());
		for (int i = 0; i + 1 < controls.size(); i++) {
			if (controls.get(i) instanceof Label label && "Port:".equals(label.getText().replace("&", ""))
					&& controls.get(i + 1) instanceof Combo combo) {
				return combo;
			}
		}
		return fail("No combo labelled Port:");
	}

	private ICommandService commands() {
		return workbench.window().getService(ICommandService.class);
	}

	private IHandlerService handlers() {
		return view.getSite().getService(IHandlerService.class);
	}

	/** The view toolbar's button whose tooltip starts with {@code tooltip}, as a user's eye finds it. */
	private ToolItem toolItem(String tooltip) {
		return Widgets.toolItem(view.getSite().getShell(), tooltip, WAIT);
	}

	/** Clicks the toolbar button once it is enabled (enablement follows the session's state on the event loop). */
	private void clickTool(String tooltip) {
		Widgets.clickTool(view.getSite().getShell(), tooltip, WAIT);
	}

	/** The enabled items of the terminal's context menu, as a right click fills it. */
	private List<String> contextMenu() {
		Menu menu = view.terminal().getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> texts = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			if ((item.getStyle() & SWT.SEPARATOR) == 0 && item.isEnabled()) {
				texts.add(plain(item.getText()));
			}
		}
		menu.notifyListeners(SWT.Hide, new Event());
		return texts;
	}

	private void chooseFromContextMenu(String text) {
		Menu menu = view.terminal().getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		MenuItem chosen = Arrays.stream(menu.getItems()).filter(item -> text.equals(plain(item.getText())))
				.findFirst().orElseThrow(() -> new AssertionError("No context menu item " + text));
		assertTrue(chosen.isEnabled(), text + " enabled");
		menu.notifyListeners(SWT.Hide, new Event());
		chosen.notifyListeners(SWT.Selection, new Event());
	}

	private static String plain(String text) {
		int tab = text.indexOf('\t');
		return (tab >= 0 ? text.substring(0, tab) : text).replace("&", "");
	}

	/** The commands of the view menu, in order, as plugin.xml contributes them. */
	private static List<String> viewMenuCommands() {
		List<String> ids = new ArrayList<>();
		for (IConfigurationElement contribution : Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.ui.menus")) {
			if (("menu:" + BoardReplView.ID).equals(contribution.getAttribute("locationURI"))) {
				for (IConfigurationElement command : contribution.getChildren("command")) {
					ids.add(command.getAttribute("commandId"));
				}
			}
		}
		return ids;
	}

	private void assertNoDialog() {
		Shell main = workbench.window().getShell();
		for (Shell shell : main.getDisplay().getShells()) {
			assertTrue(shell == main || !shell.isVisible(), "a dialog opened: " + shell.getText());
		}
	}

	/** Reads the borrowed port off the UI thread's loop, at most 10 s. */
	private static String readUntil(SerialConnection port, String expected) throws Exception {
		StringBuilder seen = new StringBuilder();
		byte[] buffer = new byte[1024];
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline && !seen.toString().contains(expected)) {
			int n = port.read(buffer);
			seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
		return seen.toString();
	}
}
