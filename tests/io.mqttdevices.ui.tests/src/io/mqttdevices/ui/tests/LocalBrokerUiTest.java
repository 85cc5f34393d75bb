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
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.ui.broker.StartLocalBrokerHandler;
import io.mqttdevices.ui.broker.StopLocalBrokerHandler;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.preferences.LocalBrokerPreferencePage;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/**
 * The local broker in the workbench: the Start command starts it (on the port of the preferences) and the status
 * line shows it and counts a real client; Stop stops it; the preference page refuses LAN without a password.
 */
class LocalBrokerUiTest {

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
	private final LocalBroker broker = LocalBroker.ide().orElseThrow(() -> new AssertionError("no LocalBroker"));

	@AfterEach
	void reset() throws Exception {
		broker.stop();
		preferences.clear();
		preferences.flush();
		LocalBrokerPreferences.setPassword(null);
	}

	@Test
	void startCommandStartsTheBrokerTheStatusLineShowsItAndStopStopsIt() throws Exception {
		int port = freePort();
		preferences.putInt(LocalBrokerPreferences.PORT, port);
		IHandlerService handlers = workbench.window().getService(IHandlerService.class);
		UiWait.until(Duration.ofSeconds(5), "the status line to show a stopped broker",
				() -> statusLine().filter(Messages.LocalBrokerStatus_stopped::equals).isPresent());

		handlers.executeCommand(StartLocalBrokerHandler.COMMAND_ID, null);
		UiWait.until(Duration.ofSeconds(15), "the broker to run", broker::isRunning);
		String running = "Local broker: 127.0.0.1:" + port + ", 0 clients";
		UiWait.until(Duration.ofSeconds(5), "the status line to read '" + running + "', not " + statusLine(),
				() -> statusLine().filter(running::equals).isPresent());

		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "ui-test", new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		client.connect(options);
		try {
			String oneClient = "Local broker: 127.0.0.1:" + port + ", 1 client";
			UiWait.until(Duration.ofSeconds(5), "the status line to count the client, not " + statusLine(),
					() -> statusLine().filter(oneClient::equals).isPresent());

			handlers.executeCommand(StopLocalBrokerHandler.COMMAND_ID, null);
			UiWait.until(Duration.ofSeconds(15), "the broker to stop", () -> !broker.isRunning());
			UiWait.until(Duration.ofSeconds(5), "the status line to show the broker stopped",
					() -> statusLine().filter(Messages.LocalBrokerStatus_stopped::equals).isPresent());
			UiWait.until(Duration.ofSeconds(5), "the client to be disconnected", () -> !client.isConnected());
		} finally {
			client.close(true);
		}
	}

	@Test
	void preferencePageRefusesLanWithoutPasswordAndStoresThePasswordInSecureStorage() throws Exception {
		assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(
				"io.mqttdevices.ui.preferences.root/" + LocalBrokerPreferencePage.ID));
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbench.window().getShell(),
				LocalBrokerPreferencePage.ID, new String[] { LocalBrokerPreferencePage.ID }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			IPreferencePage page = (IPreferencePage) dialog.getSelectedPage();
			Text port = Widgets.textByLabel(dialog.getShell(), "Port:");
			assertEquals("1883", port.getText());
			Button lan = Widgets.button(dialog.getShell(),
					"Listen on the LAN (boards can connect; needs a username and password)");
			Button apply = Widgets.button(dialog.getShell(), "Apply and Close");

			Widgets.type(port, "99999");
			UiWait.drain();
			assertEquals(Messages.LocalBrokerPreferencePage_portInvalid, page.getErrorMessage());
			assertFalse(apply.isEnabled());
			Widgets.type(port, "2883");

			lan.setSelection(true);
			lan.notifyListeners(SWT.Selection, null);
			UiWait.drain();
			assertFalse(page.isValid());
			assertEquals(Messages.LocalBrokerPreferencePage_lanNeedsCredentials, page.getErrorMessage());

			Widgets.type(Widgets.textByLabel(dialog.getShell(), "Username:"), "sensor");
			UiWait.drain();
			assertFalse(page.isValid(), "a username without a password");
			Widgets.type(Widgets.textByLabel(dialog.getShell(), "Password:"), "s3cret-pass");
			UiWait.drain();
			assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
			apply.notifyListeners(SWT.Selection, null);
			UiWait.until(Duration.ofSeconds(5), "the dialog to close", () -> dialog.getShell() == null);
		} finally {
			dialog.close();
		}
		assertEquals(2883, LocalBrokerPreferences.port());
		assertTrue(LocalBrokerPreferences.lan());
		assertEquals("sensor", LocalBrokerPreferences.username());
		assertEquals("s3cret-pass", new String(LocalBrokerPreferences.password()));
		for (String key : preferences.keys()) {
			assertFalse(preferences.get(key, "").contains("s3cret"), "password leaked into preference " + key);
		}
	}

	/** A board set up for the broker's old port: changing the port names its project and what to change. */
	@Test
	void changingTheBrokerSettingsNamesTheProjectsWhoseBoardsNoLongerMatch() throws Exception {
		List<String> thisComputer = LanAddresses.choose(LanAddresses.ofThisComputer());
		assumeFalse(thisComputer.isEmpty(), "skipped: this machine has no LAN address for a board to use");
		SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG,
				Board.ESP32.defaultPin(Runtime.MICROPYTHON, Sensor.ANALOG), "net", "pw", thisComputer.get(0), 1883,
				false, "sensors", "s3cret-pass", "", "home", 5, false, "", false), null, new NullProgressMonitor());
		try {
			PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbench.window().getShell(),
					LocalBrokerPreferencePage.ID, new String[] { LocalBrokerPreferencePage.ID }, null);
			dialog.setBlockOnOpen(false);
			dialog.open();
			String[] warning = new String[1];
			try {
				Widgets.type(Widgets.textByLabel(dialog.getShell(), "Port:"), "2884");
				Button lan = Widgets.button(dialog.getShell(),
						"Listen on the LAN (boards can connect; needs a username and password)");
				lan.setSelection(true);
				lan.notifyListeners(SWT.Selection, null);
				Widgets.type(Widgets.textByLabel(dialog.getShell(), "Username:"), "sensors");
				Widgets.type(Widgets.textByLabel(dialog.getShell(), "Password:"), "s3cret-pass");
				UiWait.drain();
				// the warning is modal, inside Apply and Close: read and close it from a timer its loop runs
				Shell main = workbench.window().getShell();
				Runnable answer = new Runnable() {
					@Override
					public void run() {
						for (Shell shell : main.getDisplay().getShells()) {
							if (!shell.isDisposed() && Messages.LocalBrokerPreferencePage_projectsTitle.equals(shell.getText())) {
								warning[0] = Widgets.all(shell).stream().filter(Label.class::isInstance)
										.map(c -> ((Label) c).getText()).reduce("", String::concat);
								shell.close();
								return;
							}
						}
						main.getDisplay().timerExec(100, this);
					}
				};
				main.getDisplay().timerExec(100, answer);
				Widgets.button(dialog.getShell(), "Apply and Close").notifyListeners(SWT.Selection, null);
				UiWait.until(Duration.ofSeconds(10), "the dialog to close", () -> dialog.getShell() == null);
			} finally {
				dialog.close();
			}
			assertNotNull(warning[0], "no warning about the project");
			assertTrue(warning[0].contains("porch (config.json): port 1883, the local broker's is 2884"), warning[0]);
		} finally {
			ResourcesPlugin.getWorkspace().getRoot().getProject("porch").delete(true, true, null);
			ProjectSecrets.removeAll("porch");
		}
	}

	@Test
	void aMessageOverTheLimitSetInThePreferencesIsShownInTheStatusLine() throws Exception {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbench.window().getShell(),
				LocalBrokerPreferencePage.ID, new String[] { LocalBrokerPreferencePage.ID }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			IPreferencePage page = (IPreferencePage) dialog.getSelectedPage();
			Text largest = Widgets.textByLabel(dialog.getShell(), "Largest message (bytes):");
			assertEquals("268435455", largest.getText(), "the MQTT maximum by default");
			Widgets.type(largest, "268435456");
			UiWait.drain();
			assertEquals(Messages.LocalBrokerPreferencePage_maxMessageInvalid, page.getErrorMessage());
			Widgets.type(largest, "65536");
			UiWait.drain();
			assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
			Widgets.button(dialog.getShell(), "Apply and Close").notifyListeners(SWT.Selection, null);
			UiWait.until(Duration.ofSeconds(5), "the dialog to close", () -> dialog.getShell() == null);
		} finally {
			dialog.close();
		}
		assertEquals(65536, LocalBrokerPreferences.maxMessageBytes());

		int port = freePort();
		preferences.putInt(LocalBrokerPreferences.PORT, port);
		workbench.window().getService(IHandlerService.class).executeCommand(StartLocalBrokerHandler.COMMAND_ID, null);
		UiWait.until(Duration.ofSeconds(15), "the broker to run", broker::isRunning);
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "esp32_big", new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		client.setTimeToWait(5_000);
		client.connect(options);
		try {
			try {
				client.publish("home/esp32_big", new byte[100_000], 0, false);
			} catch (MqttException e) {
				// the broker closed the connection while the message was sent
			}
			String refused = "Local broker: 127.0.0.1:" + port + ", 0 clients, 1 message too large";
			UiWait.until(Duration.ofSeconds(10), "the status line to read '" + refused + "', not " + statusLine(),
					() -> statusLine().filter(refused::equals).isPresent());
			Label label = statusLabel().orElseThrow();
			assertEquals("The local broker refused a message of 100,016 bytes from esp32_big and closed that"
					+ " connection: its limit is 65,536 bytes (Preferences > MQTT Devices > Local Broker).",
					label.getToolTipText());
		} finally {
			client.close(true);
		}
	}

	private Optional<Label> statusLabel() {
		for (Control control : Widgets.all(workbench.window().getShell())) {
			if (control instanceof Label label && label.getText().startsWith("Local broker:")) {
				return Optional.of(label);
			}
		}
		return Optional.empty();
	}

	/** The text of the local broker's label in the window's status line, if it is there. */
	private Optional<String> statusLine() {
		for (Control control : Widgets.all(workbench.window().getShell())) {
			if (control instanceof Label label && label.getText().startsWith("Local broker:")) {
				return Optional.of(label.getText());
			}
		}
		return Optional.empty();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}
}
