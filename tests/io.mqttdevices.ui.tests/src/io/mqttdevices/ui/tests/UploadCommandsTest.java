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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISources;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortHolder;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.CircuitPyDrive;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.tests.fixtures.TestBundles;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.LibrarySources;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;
import io.mqttdevices.ui.repl.BoardReplView;
import io.mqttdevices.ui.upload.FlashJob;
import io.mqttdevices.ui.upload.RuntimePropertyTester;
import io.mqttdevices.ui.upload.UploadJob;

/** Upload to Board and Flash to CIRCUITPY from the workbench, against the simulated board and a CIRCUITPY folder. */
class UploadCommandsTest {

	private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	@RegisterExtension
	final CircuitPyDrive drive = new CircuitPyDrive();

	/** Library sources on 127.0.0.1; installing before Upload and Flash is off unless a test turns it on. */
	@RegisterExtension
	final LibrarySources sources = new LibrarySources();

	private final List<Job> finished = new CopyOnWriteArrayList<>();
	private StructuredSelection selection = StructuredSelection.EMPTY;
	private final JobChangeAdapter listener = new JobChangeAdapter() {
		@Override
		public void done(IJobChangeEvent event) {
			if (event.getJob().belongsTo(UploadJob.FAMILY)) {
				finished.add(event.getJob());
			}
		}
	};

	@BeforeEach
	void listen() {
		Job.getJobManager().addJobChangeListener(listener);
	}

	@AfterEach
	void forget() throws Exception {
		Job.getJobManager().removeJobChangeListener(listener);
		ProjectSecrets.removeAll("porch");
		ProjectSecrets.removeAll("garden");
	}

	@Test
	void uploadSyncsTheProjectAndASecondUploadSendsNothing() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		select(project);

		IStatus first = run("io.mqttdevices.ui.commands.upload");
		assertEquals(IStatus.OK, first.getSeverity(), first.getMessage());
		assertTrue(first.getMessage().matches("Upload to Board: \\d+ uploaded, 0 unchanged, 0 deleted, .*KB/s"),
				first.getMessage());
		Path local = project.getLocation().toFile().toPath();
		for (String name : List.of("main.py", "boot.py", "config.json")) {
			assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(board.flashDir().resolve(name)),
					name);
		}
		assertFalse(Files.exists(board.flashDir().resolve("README.md")), "the README stays on the computer");
		assertFalse(Files.exists(board.flashDir().resolve(".project")), "IDE files stay on the computer");

		IStatus second = run("io.mqttdevices.ui.commands.upload");
		String uploaded = first.getMessage().replaceAll("Upload to Board: (\\d+) uploaded.*", "$1");
		assertEquals("Upload to Board: nothing to upload, " + uploaded + " files unchanged", second.getMessage());
	}

	@Test
	void boardFilesListsWhatIsOnTheBoard() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		select(project);
		assertEquals(IStatus.OK, run("io.mqttdevices.ui.commands.upload").getSeverity());
		execute("io.mqttdevices.ui.commands.boardFiles");
		Shell main = workbench.window().getShell();
		Shell[] dialog = new Shell[1];
		UiWait.until(JOB_TIMEOUT, "the Board Files dialog", () -> {
			dialog[0] = Arrays.stream(main.getDisplay().getShells())
					.filter(s -> !s.isDisposed() && "Board Files".equals(s.getText())).findFirst().orElse(null);
			return dialog[0] != null;
		});
		Table table = find(dialog[0], Table.class).get(0);
		List<String> paths = Arrays.stream(table.getItems()).map(i -> i.getText(0)).toList();
		assertTrue(paths.contains("main.py"), paths.toString());
		assertTrue(paths.contains("config.json"), paths.toString());
		assertFalse(paths.contains(".project"), paths.toString());
		String size = Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals("main.py")).findFirst()
				.orElseThrow().getText(1);
		assertEquals(Long.toString(Files.size(project.getLocation().toFile().toPath().resolve("main.py"))), size);
		dialog[0].close();
	}

	@Test
	void cancellingTheUploadStopsCleanlyAndLeavesNoTemporaryFile() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		byte[] big = new byte[3_000_000];
		new java.util.Random(7).nextBytes(big);
		project.getFile("big.bin").create(new java.io.ByteArrayInputStream(big), true, null);
		select(project);
		int before = finished.size();
		execute("io.mqttdevices.ui.commands.upload");
		UiWait.until(JOB_TIMEOUT, "the transfer to start",
				() -> Files.exists(board.flashDir().resolve(".mqd-tmp-big.bin")) || finished.size() > before);
		Job.getJobManager().cancel(UploadJob.FAMILY);
		IStatus status = awaitJob(before);
		assertEquals(IStatus.CANCEL, status.getSeverity(), "cancelled before the end: " + status.getMessage());
		assertFalse(Files.exists(board.flashDir().resolve("big.bin")), "no half file under the real name");
		UiWait.until(Duration.ofSeconds(10), "the temporary file to go", () -> !Files
				.exists(board.flashDir().resolve(".mqd-tmp-big.bin")));
	}

	@Test
	void theReplHoldingThePortPausesDuringTheUploadAndResumes() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		select(project);
		List<String> events = new CopyOnWriteArrayList<>();
		PortHolder repl = new PortHolder() {
			@Override
			public void pause(String borrower) {
				events.add("pause " + borrower);
			}

			@Override
			public void resume(String borrower) {
				events.add("resume " + borrower);
			}
		};
		try (PortLease held = PortArbiter.getDefault().hold(board.path(), 115200, "Board REPL", repl)) {
			IStatus status = run("io.mqttdevices.ui.commands.upload");
			assertEquals(IStatus.OK, status.getSeverity(), status.getMessage());
			assertEquals(List.of("pause Upload to Board", "resume Upload to Board"), events);
			assertTrue(held.connection().isOpen());
		}
	}

	@Test
	void withoutAPortTheUploadAsksForOneRemembersItAndTheReplFollows() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		select(project);
		BoardReplView repl = (BoardReplView) workbench.page().showView(BoardReplView.ID);
		repl.setPort("/dev/ttyS0", 115200);
		Shell main = workbench.window().getShell();
		int before = finished.size();
		// the dialog runs its own event loop inside the command: answer it from a timer that loop runs
		boolean[] answered = new boolean[1];
		long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Runnable answer = new Runnable() {
			@Override
			public void run() {
				Shell dialog = Arrays.stream(main.getDisplay().getShells())
						.filter(s -> !s.isDisposed() && "Board Serial Port".equals(s.getText())).findFirst()
						.orElse(null);
				Button ok = dialog == null ? null
						: find(dialog, Button.class).stream().filter(b -> "OK".equals(b.getText().replace("&", "")))
								.findFirst().orElse(null);
				if (ok != null) {
					find(dialog, Combo.class).get(0).setText(board.path());
				}
				if (ok != null && ok.isEnabled()) {
					answered[0] = true;
					ok.notifyListeners(SWT.Selection, new Event());
				} else if (System.nanoTime() < giveUp) {
					main.getDisplay().timerExec(100, this);
				} else if (dialog != null) {
					dialog.close();
				}
			}
		};
		main.getDisplay().timerExec(100, answer);
		execute("io.mqttdevices.ui.commands.upload");
		assertTrue(answered[0], "the port dialog was shown and answered");
		IStatus status = awaitJob(before);
		assertEquals(IStatus.OK, status.getSeverity(), status.getMessage());
		assertEquals(board.path(), new ProjectDeviceSettings(project).port());
		assertTrue(Files.exists(board.flashDir().resolve("main.py")));

		UiWait.until(JOB_TIMEOUT, "the REPL view to take the port", () -> board.path().equals(repl.portPath()));
		repl.connect();
		UiWait.until(JOB_TIMEOUT, "the REPL on the board", () -> repl.sessionState() == State.CONNECTED);
		assertTrue(repl.statusText().startsWith("Connected to " + board.path()), repl.statusText());
		repl.disconnect();
		workbench.page().hideView(repl);
	}

	@Test
	void flashCopiesACircuitPythonProjectToTheDriveCodePyIncluded() throws Exception {
		IProject project = create("garden", Runtime.CIRCUITPYTHON, Board.PICO_W);
		var node = new org.eclipse.core.resources.ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();
		select(project);
		IStatus status = run("io.mqttdevices.ui.commands.flash");
		assertEquals(IStatus.OK, status.getSeverity(), status.getMessage());
		assertTrue(status.getMessage().startsWith("Flash to CIRCUITPY:"), status.getMessage());
		Path local = project.getLocation().toFile().toPath();
		assertArrayEquals(Files.readAllBytes(local.resolve("code.py")), Files.readAllBytes(drive.root().resolve("code.py")));
		assertArrayEquals(Files.readAllBytes(local.resolve("settings.toml")),
				Files.readAllBytes(drive.root().resolve("settings.toml")));
		try (Stream<Path> all = Files.walk(drive.root())) {
			assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".mqd-")).toList());
		}
	}

	/** The MQTT Devices menu offers Flash whatever is selected: a MicroPython project gets a word, not a copy. */
	@Test
	void flashOfAMicroPythonProjectSaysToUploadAndCopiesNothing() throws Exception {
		IProject project = create("porch", Runtime.MICROPYTHON, Board.ESP32);
		var node = new org.eclipse.core.resources.ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();
		select(project);
		int jobsBefore = finished.size();
		List<String> said = new CopyOnWriteArrayList<>();
		Widgets.whenDialogOpens(workbench.window().getShell(), dialog -> {
			said.add(dialog.getText());
			said.addAll(Widgets.labels(dialog));
			dialog.close();
		});
		execute("io.mqttdevices.ui.commands.flash");
		UiWait.until(Duration.ofSeconds(5), "the dialog", () -> !said.isEmpty());
		assertEquals("Flash to CIRCUITPY", said.get(0));
		assertTrue(said.contains("porch is a MicroPython project: put it on the board with Upload to Board."),
				said.toString());
		UiWait.drain();
		assertFalse(Arrays.stream(Job.getJobManager().find(null)).anyMatch(FlashJob.class::isInstance),
				"no flash job was scheduled");
		assertEquals(jobsBefore, finished.size(), "no flash job ran");
		try (Stream<Path> all = Files.list(drive.root())) {
			assertEquals(List.of(), all.map(p -> p.getFileName().toString()).filter(n -> !n.equals("boot_out.txt")).toList(),
					"nothing was copied to CIRCUITPY");
		}
	}

	@Test
	void flashInstallsEveryLibraryTheGeneratedProjectImportsBeforeTheCode() throws Exception {
		sources.installBeforeUpload();
		drive.bootOut("9.2.1 on 2024-11-20", "Raspberry Pi Pico W with rp2040", "raspberry_pi_pico_w");
		IProject project = create("garden", Runtime.CIRCUITPYTHON, Board.PICO_W);
		var node = new org.eclipse.core.resources.ProjectScope(project).getNode("io.mqttdevices.core");
		node.put(ProjectDeviceSettings.CIRCUITPY_DRIVE, drive.root().toString());
		node.flush();
		select(project);

		IStatus status = run("io.mqttdevices.ui.commands.flash");
		assertEquals(IStatus.OK, status.getSeverity(), status.getMessage());
		assertTrue(status.getMessage().matches("Flash to CIRCUITPY: \\d+ copied, .*; libraries: installed "
				+ "adafruit_connection_manager, adafruit_ticks, adafruit_minimqtt"), status.getMessage());
		Path local = project.getLocation().toFile().toPath();
		assertArrayEquals(Files.readAllBytes(local.resolve("code.py")), Files.readAllBytes(drive.root().resolve("code.py")));
		for (var file : TestBundles.adafruitLibFiles(9).entrySet()) {
			assertArrayEquals(file.getValue(), Files.readAllBytes(drive.root().resolve(file.getKey())), file.getKey());
		}
		// every module code.py imports is in the firmware or on the drive
		List<String> imported = Files.readAllLines(local.resolve("code.py")).stream().map(String::strip)
				.filter(l -> l.startsWith("import ") || l.startsWith("from ")).map(l -> l.split("\\s+")[1].split("\\.")[0])
				.distinct().toList();
		List<String> firmware = List.of("os", "time", "binascii", "board", "microcontroller", "wifi", "socketpool",
				"ssl", "analogio", "digitalio", "supervisor", "json", "rtc", "gc");
		for (String module : imported) {
			Path lib = drive.root().resolve("lib");
			assertTrue(firmware.contains(module) || Files.isDirectory(lib.resolve(module))
					|| Files.isRegularFile(lib.resolve(module + ".mpy")) || Files.isRegularFile(lib.resolve(module + ".py")),
					module + " is imported by code.py and neither in the firmware nor on the drive");
		}
		assertTrue(imported.contains("adafruit_minimqtt"), imported.toString());

		IStatus again = run("io.mqttdevices.ui.commands.flash");
		assertTrue(again.getMessage().endsWith("; libraries: libraries already on the board"), again.getMessage());
	}

	@Test
	void uploadInstallsUmqttSimpleOnABoardWithoutItOverTheSameSession() throws Exception {
		sources.installBeforeUpload();
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		assertFalse(Files.exists(board.flashDir().resolve("lib/umqtt/simple.py")), "the board starts without it");
		select(project);
		List<String> events = new CopyOnWriteArrayList<>();
		PortHolder repl = new PortHolder() {
			@Override
			public void pause(String borrower) {
				events.add("pause " + borrower);
			}

			@Override
			public void resume(String borrower) {
				events.add("resume " + borrower);
			}
		};
		IStatus status;
		try (PortLease held = PortArbiter.getDefault().hold(board.path(), 115200, "Board REPL", repl)) {
			status = run("io.mqttdevices.ui.commands.upload");
		}
		assertEquals(IStatus.OK, status.getSeverity(), status.getMessage());
		assertTrue(status.getMessage().matches("Upload to Board: \\d+ uploaded, .*; libraries: installed umqtt.simple"),
				status.getMessage());
		assertArrayEquals(LibrarySources.umqttSimple(), Files.readAllBytes(board.flashDir().resolve("lib/umqtt/simple.py")));
		assertTrue(Files.exists(board.flashDir().resolve("main.py")));
		assertEquals(List.of("pause Upload to Board", "resume Upload to Board"), events,
				"libraries and code in one borrowing of the port");

		IStatus again = run("io.mqttdevices.ui.commands.upload");
		assertTrue(again.getMessage().endsWith("; libraries: libraries already on the board"), again.getMessage());
	}

	@Test
	void aLibraryThatCannotBeHadIsAWarningAndTheCodeStillGoesOn() throws Exception {
		sources.installBeforeUpload();
		IProject project = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		project.getFile("package.json").setContents(new java.io.ByteArrayInputStream(
				"{\"deps\": [[\"umqtt.simple\", \"latest\"], [\"umqtt.nowhere\", \"latest\"]]}".getBytes()), true,
				false, null);
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		select(project);
		IStatus status = run("io.mqttdevices.ui.commands.upload");
		assertEquals(IStatus.WARNING, status.getSeverity(), status.getMessage());
		assertTrue(status.getMessage().contains("installed umqtt.simple"), status.getMessage());
		assertTrue(status.getMessage().contains("umqtt.nowhere"), status.getMessage());
		assertTrue(status.getMessage().contains("unless the board's firmware has it built in"), status.getMessage());
		assertTrue(Files.exists(board.flashDir().resolve("main.py")), "the code went on the board");
		assertTrue(Files.exists(board.flashDir().resolve("lib/umqtt/simple.py")));
	}

	@Test
	void theRuntimeDecidesWhatIsOffered() throws Exception {
		IProject micro = create("porch", Runtime.MICROPYTHON, Board.PICO_W);
		IProject circuit = create("garden", Runtime.CIRCUITPYTHON, Board.PICO_W);
		RuntimePropertyTester tester = new RuntimePropertyTester();
		assertTrue(tester.test(micro.getFile("main.py"), "runtime", new Object[0], "MICROPYTHON"));
		assertFalse(tester.test(micro, "runtime", new Object[0], "CIRCUITPYTHON"), "no Flash to CIRCUITPY");
		assertTrue(tester.test(circuit.getFile("code.py"), "runtime", new Object[0], "CIRCUITPYTHON"));
		IProject plain = ResourcesPlugin.getWorkspace().getRoot().getProject("plain");
		plain.create(null);
		plain.open(null);
		assertFalse(tester.test(plain, "runtime", new Object[0], null), "not a sensor project");
		// the commands' menu contributions exist with the runtime test in their visibleWhen
		List<String> flashTests = Arrays.stream(Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.ui.menus"))
				.flatMap(e -> commands(e).stream())
				.filter(c -> "io.mqttdevices.ui.commands.flash".equals(c.getAttribute("commandId")))
				.map(c -> describe(c)).toList();
		assertEquals(3, flashTests.size(), "context menu, toolbar and the MQTT Devices menu");
		assertEquals(2, flashTests.stream().filter(t -> t.contains("io.mqttdevices.ui.runtime=CIRCUITPYTHON")).count(),
				"the context menu and the toolbar offer it by the runtime: " + flashTests);
	}

	/** The command elements of a menu contribution, also those inside a toolbar or menu. */
	private static List<IConfigurationElement> commands(IConfigurationElement element) {
		List<IConfigurationElement> found = new ArrayList<>();
		for (IConfigurationElement child : element.getChildren()) {
			if ("command".equals(child.getName())) {
				found.add(child);
			} else {
				found.addAll(commands(child));
			}
		}
		return found;
	}

	private static String describe(IConfigurationElement element) {
		StringBuilder text = new StringBuilder();
		if ("test".equals(element.getName())) {
			text.append(element.getAttribute("property")).append('=').append(element.getAttribute("value"));
		}
		for (IConfigurationElement child : element.getChildren()) {
			text.append(' ').append(describe(child));
		}
		return text.toString();
	}

	/** The selection commands see; the Project Explorer is not used (its status line would paint SVG icons). */
	private void select(IProject project) {
		selection = new StructuredSelection(project);
	}

	private IStatus run(String command) {
		int before = finished.size();
		execute(command);
		return awaitJob(before);
	}

	private void execute(String command) {
		IHandlerService handlers = workbench.window().getService(IHandlerService.class);
		ICommandService commands = workbench.window().getService(ICommandService.class);
		try {
			IEvaluationContext context = handlers.createContextSnapshot(false);
			context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, selection);
			handlers.executeCommandInContext(new ParameterizedCommand(commands.getCommand(command), null), null,
					context);
		} catch (Exception e) {
			throw new AssertionError(command + " failed", e);
		}
	}

	private IStatus awaitJob(int before) {
		UiWait.until(JOB_TIMEOUT, "the job to finish", () -> finished.size() > before);
		return finished.get(finished.size() - 1).getResult();
	}

	private static <T> List<T> find(org.eclipse.swt.widgets.Composite root, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (org.eclipse.swt.widgets.Control control : root.getChildren()) {
			if (type.isInstance(control)) {
				found.add(type.cast(control));
			}
			if (control instanceof org.eclipse.swt.widgets.Composite composite) {
				found.addAll(find(composite, type));
			}
		}
		return found;
	}

	private static IProject create(String name, Runtime runtime, Board board) throws Exception {
		return SensorProjectCreator.create(new ProjectSpec(name, runtime, board,
				runtime == Runtime.MICROPYTHON ? Sensor.DIGITAL_ON_CHANGE : Sensor.ANALOG,
				runtime == Runtime.MICROPYTHON ? "15" : "GP26", "net", "pw", "broker.local", 1883, false, "", "", "",
				"home", 5, false, "", false), null, new NullProgressMonitor());
	}
}
