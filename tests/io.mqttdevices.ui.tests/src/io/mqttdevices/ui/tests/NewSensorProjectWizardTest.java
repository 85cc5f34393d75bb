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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;
import io.mqttdevices.ui.wizards.NewSensorProjectWizard;

/** File > New > MQTT Sensor Project, driven through its fields by label. */
class NewSensorProjectWizardTest {

	private static final String PROJECT = "kitchen-sensor";
	private static final String WIFI_SECRET = "wifi-Secret-91";
	private static final String BROKER_SECRET = "broker-Secret-42";

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private WizardDialog dialog;
	private Process device;

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);

	@AfterEach
	void close() throws Exception {
		if (dialog != null && dialog.getShell() != null) {
			dialog.close();
		}
		if (device != null) {
			device.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		ProjectSecrets.removeAll(PROJECT);
		LocalBroker.ide().ifPresent(LocalBroker::stop);
		preferences.clear();
		preferences.flush();
		LocalBrokerPreferences.setPassword(null);
	}

	/**
	 * "This computer's broker": the page fills in this computer's likeliest LAN address, the local broker's port, a
	 * username and a new password; Finish creates the project and starts the local broker on every interface with
	 * those credentials (password in secure storage). The generated main.py and config.json then run under the host
	 * shims (umqtt.simple as published) and publish to that broker, reached through 127.0.0.1 only.
	 */
	@Test
	void thisComputersBrokerStartsTheLocalBrokerOnTheLanAndTheGeneratedCodeReachesIt(@TempDir Path board)
			throws Exception {
		Path deviceLibs = Path.of("").toAbsolutePath().resolve("../../../shared/device-libs/micropython").normalize();
		Path shims = Path.of("../io.mqttdevices.core.tests/host-shims/micropython").toAbsolutePath().normalize();
		assumeTrue(Files.isDirectory(deviceLibs.resolve("umqtt")),
				"skipped: the real device libraries are not in " + deviceLibs);
		int port = freePort();
		preferences.putInt(LocalBrokerPreferences.PORT, port);
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		next(shell);
		Widgets.type(Widgets.textByLabel(shell, "Wi-Fi network (SSID):"), "Home Wi-Fi");
		Widgets.type(Widgets.textByLabel(shell, "Wi-Fi password:"), WIFI_SECRET);
		choose(shell, "This computer's broker (the IDE's local broker)");

		List<String> offered = LanAddresses.choose(LanAddresses.ofThisComputer());
		assertEquals(offered, List.of(Widgets.comboByLabel(shell, "This computer's address:").getItems()));
		Text host = Widgets.textByLabel(shell, "Broker host:");
		if (offered.isEmpty()) {
			Widgets.type(host, "192.168.1.50"); // a machine without a LAN: the user types the address
		} else {
			assertEquals(offered.get(0), host.getText());
		}
		String lanAddress = host.getText();
		assertEquals(Integer.toString(port), Widgets.textByLabel(shell, "Port:").getText());
		assertEquals("sensors", Widgets.textByLabel(shell, "Username:").getText());
		String password = Widgets.textByLabel(shell, "Password or AIO key:").getText();
		assertEquals(20, password.length());
		assertEquals(null, LocalBrokerPreferences.password(), "nothing is stored before Finish");
		assertEquals(null, currentPage().getErrorMessage());
		assertTrue(finish(shell).isEnabled());
		finish(shell).notifyListeners(SWT.Selection, null);
		UiWait.until(Duration.ofSeconds(20), "the wizard to close", () -> dialog.getShell() == null);

		LocalBroker broker = LocalBroker.ide().orElseThrow();
		assertEquals(new LocalBrokerStatus(true, "0.0.0.0", port, 0, true), broker.status());
		assertTrue(LocalBrokerPreferences.lan());
		assertEquals("sensors", LocalBrokerPreferences.username());
		assertEquals(password, new String(LocalBrokerPreferences.password()), "the local broker's secret");
		assertEquals(password, ProjectSecrets.get(PROJECT, ProjectSecrets.BROKER_PASSWORD));
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		String config = Files.readString(project.getFile("config.json").getLocation().toPath());
		assertTrue(config.contains("\"broker\": \"" + lanAddress + "\""), config);

		// the board's flash: the generated files, its broker reached here through loopback instead of the LAN
		for (String file : new String[] { "main.py", "boot.py", "wlan.py" }) {
			Files.copy(project.getFile(file).getLocation().toPath(), board.resolve(file));
		}
		Files.writeString(board.resolve("config.json"),
				config.replace("\"broker\": \"" + lanAddress + "\"", "\"broker\": \"127.0.0.1\""));
		MqttClient watcher = new MqttClient("tcp://127.0.0.1:" + port, "wizard-test", new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setUserName("sensors");
		options.setPassword(password.toCharArray());
		watcher.connect(options);
		try {
			BlockingQueue<String> readings = new LinkedBlockingQueue<>();
			watcher.subscribe("home/#", 1, (topic, message) -> readings.add(topic + " " + message));
			ProcessBuilder builder = new ProcessBuilder("python3", "-u", "main.py").directory(board.toFile())
					.redirectErrorStream(true).redirectOutput(board.resolve("device.log").toFile());
			builder.environment().put("PYTHONPATH", shims + File.pathSeparator + deviceLibs);
			builder.environment().put("SHIM_FLASH", board.toString());
			builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			device = builder.start();
			String reading = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (reading == null && System.nanoTime() < deadline) {
				String next = readings.poll(200, TimeUnit.MILLISECONDS);
				if (next != null && next.matches("home/esp8266_deadbeef0001 \\S+")) {
					reading = next;
				}
			}
			assertNotNull(reading, "no reading from the device; its output:\n" + Files.readString(board.resolve("device.log")));
		} finally {
			watcher.disconnect();
			watcher.close();
		}
	}

	@Test
	void aLoopbackHostIsAWarningAndFinishStaysPossible() {
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		next(shell);
		fillBroker(shell, "127.0.0.1");
		assertEquals(null, currentPage().getErrorMessage());
		assertEquals("On the board, 127.0.0.1 is the board itself: use this computer's LAN address.",
				((WizardPage) currentPage()).getMessage());
		assertEquals(IMessageProvider.WARNING, ((WizardPage) currentPage()).getMessageType());
		assertTrue(finish(shell).isEnabled());
		Widgets.type(Widgets.textByLabel(shell, "Broker host:"), "localhost");
		assertEquals("On the board, localhost is the board itself: use this computer's LAN address.",
				((WizardPage) currentPage()).getMessage());
		Widgets.type(Widgets.textByLabel(shell, "Broker host:"), "192.168.1.20");
		assertEquals(null, ((WizardPage) currentPage()).getMessage());
	}

	@Test
	void aLanBrokerWithoutUsernameIsAWarningWhileTheLocalBrokerRequiresOne() {
		preferences.putBoolean(LocalBrokerPreferences.LAN, true);
		preferences.put(LocalBrokerPreferences.USERNAME, "ide-user");
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		next(shell);
		Widgets.type(Widgets.textByLabel(shell, "Wi-Fi network (SSID):"), "Home Wi-Fi");
		Widgets.type(Widgets.textByLabel(shell, "Broker host:"), "192.168.1.20");
		assertEquals(null, currentPage().getErrorMessage());
		assertEquals("The IDE's local broker requires a username and password (Listen on the LAN is on): if it is"
				+ " your broker, enter them.", ((WizardPage) currentPage()).getMessage());
		assertEquals(IMessageProvider.WARNING, ((WizardPage) currentPage()).getMessageType());
		assertTrue(finish(shell).isEnabled());
		Widgets.type(Widgets.textByLabel(shell, "Username:"), "ide-user");
		assertEquals(null, ((WizardPage) currentPage()).getMessage());

		preferences.putBoolean(LocalBrokerPreferences.LAN, false);
		Widgets.type(Widgets.textByLabel(shell, "Username:"), "");
		assertEquals(null, ((WizardPage) currentPage()).getMessage(), "the local broker is on loopback only");
	}

	@Test
	void wizardIsInTheMqttDevicesCategory() {
		assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NewSensorProjectWizard.ID));
		assertEquals("MQTT Devices", PlatformUI.getWorkbench().getNewWizardRegistry()
				.findCategory("io.mqttdevices.ui.category").getLabel());
	}

	@Test
	void invalidInputKeepsFinishDisabledWithTheMessage() {
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		Widgets.type(Widgets.textByLabel(shell, "Pin:"), "7");
		assertEquals("The ESP8266 reads analog values only on its A0 pin: enter 0.", currentPage().getErrorMessage());
		assertFalse(finish(shell).isEnabled());
		Widgets.type(Widgets.textByLabel(shell, "Pin:"), "0");
		assertEquals(null, currentPage().getErrorMessage());
		next(shell);

		fillBroker(shell, "bad host");
		assertTrue(currentPage().getErrorMessage().contains("'bad host' is not a valid host"),
				currentPage().getErrorMessage());
		assertFalse(finish(shell).isEnabled());
		Widgets.type(Widgets.textByLabel(shell, "Topic prefix:"), "home/#");
		Widgets.type(Widgets.textByLabel(shell, "Broker host:"), "broker.local");
		assertEquals("The topic prefix cannot contain + or #: they are wildcards, for subscribing only.",
				currentPage().getErrorMessage());
		assertFalse(finish(shell).isEnabled());
		// the board publishes to <prefix>/<client id>: "home/" would make "home//esp8266_..."
		Widgets.type(Widgets.textByLabel(shell, "Topic prefix:"), "home/");
		assertEquals("The topic prefix cannot end with '/': the board adds '/' and its id (home/<client id>).",
				currentPage().getErrorMessage());
		assertFalse(finish(shell).isEnabled());

		Widgets.button(shell, "Cancel").notifyListeners(SWT.Selection, null);
		assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT).exists(), "Cancel writes nothing");
	}

	@Test
	void aFieldShowsItsErrorOnlyOnceTheUserHasBeenInIt() {
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		next(shell);
		// nothing typed yet: the page says what to enter, in plain words, and Finish waits
		assertEquals(null, currentPage().getErrorMessage());
		assertEquals("Enter the Wi-Fi network name (SSID).", ((WizardPage) currentPage()).getMessage());
		assertEquals(IMessageProvider.NONE, ((WizardPage) currentPage()).getMessageType());
		assertFalse(finish(shell).isEnabled());

		Text ssid = Widgets.textByLabel(shell, "Wi-Fi network (SSID):");
		Widgets.type(ssid, "Home Wi-Fi");
		assertEquals(null, currentPage().getErrorMessage(), "the broker host was not visited yet");
		assertEquals("Enter the broker's host name or IP address.", ((WizardPage) currentPage()).getMessage());
		Widgets.type(ssid, "");
		assertEquals("Enter the Wi-Fi network name (SSID).", currentPage().getErrorMessage(), "typed in, then emptied");

		Widgets.type(ssid, "Home Wi-Fi");
		Text host = Widgets.textByLabel(shell, "Broker host:");
		host.setFocus();
		host.notifyListeners(SWT.FocusOut, new Event()); // the user tabs on without typing a host
		assertEquals("Enter the broker's host name or IP address.", currentPage().getErrorMessage(), "left empty");
		assertFalse(finish(shell).isEnabled());
	}

	@Test
	void finishCreatesTheProjectAndKeepsSecretsOutOfTheWorkspaceMetadata() throws Exception {
		Shell shell = open();
		Widgets.type(Widgets.textByLabel(shell, "Project name:"), PROJECT);
		next(shell);
		next(shell);
		fillBroker(shell, "broker.local");
		assertEquals(null, currentPage().getErrorMessage());
		assertTrue(finish(shell).isEnabled());
		finish(shell).notifyListeners(SWT.Selection, null);
		UiWait.until(Duration.ofSeconds(20), "the wizard to close", () -> dialog.getShell() == null);

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		assertTrue(project.exists());
		for (String file : new String[] { "main.py", "boot.py", "wlan.py", "config.json", "config.example.json",
				".gitignore", "README.md" }) {
			assertTrue(project.getFile(file).exists(), file);
		}
		String config = Files.readString(project.getFile("config.json").getLocation().toPath());
		assertTrue(config.contains(WIFI_SECRET) && config.contains(BROKER_SECRET), "the board's settings file");
		assertFalse(Files.readString(project.getFile("config.example.json").getLocation().toPath())
				.contains("Secret"));
		assertEquals(WIFI_SECRET, ProjectSecrets.get(PROJECT, ProjectSecrets.WIFI_PASSWORD));
		assertEquals(BROKER_SECRET, ProjectSecrets.get(PROJECT, ProjectSecrets.BROKER_PASSWORD));

		ResourcesPlugin.getWorkspace().save(true, null);
		Path metadata = ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve(".metadata");
		assertFalse(containsText(metadata, "Secret-"), "a password was written to the workspace metadata");
		assertEquals("io.mqttdevices.ui.perspective",
				workbench.window().getActivePage().getPerspective().getId());
	}

	private Shell open() {
		NewSensorProjectWizard wizard = new NewSensorProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		dialog = new WizardDialog(workbench.window().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog.getShell();
	}

	private void fillBroker(Shell shell, String host) {
		Widgets.type(Widgets.textByLabel(shell, "Wi-Fi network (SSID):"), "Home Wi-Fi");
		Widgets.type(Widgets.textByLabel(shell, "Wi-Fi password:"), WIFI_SECRET);
		Widgets.type(Widgets.textByLabel(shell, "Broker host:"), host);
		Widgets.type(Widgets.textByLabel(shell, "Username:"), "sensor");
		Widgets.type(Widgets.textByLabel(shell, "Password or AIO key:"), BROKER_SECRET);
	}

	/** Clicks a radio button as a user does: it alone ends up selected. */
	private static void choose(Shell shell, String label) {
		Button radio = Widgets.button(shell, label);
		radio.setSelection(true);
		radio.notifyListeners(SWT.Selection, new Event());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	private IWizardPage currentPage() {
		return dialog.getCurrentPage();
	}

	private void next(Shell shell) {
		IWizardPage before = currentPage();
		Widgets.button(shell, "Next >").notifyListeners(SWT.Selection, null);
		UiWait.until(Duration.ofSeconds(5), "the next page", () -> currentPage() != before);
	}

	private static Button finish(Shell shell) {
		return Widgets.button(shell, "Finish");
	}

	private static boolean containsText(Path dir, String text) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).anyMatch(file -> {
				try {
					return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
				} catch (IOException e) {
					return false;
				}
			});
		}
	}
}
