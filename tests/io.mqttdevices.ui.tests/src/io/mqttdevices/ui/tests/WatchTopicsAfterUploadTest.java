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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.ui.ISources;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.progress.IProgressConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.ui.explorer.OpenConnections;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.LibrarySources;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.upload.UploadJob;

/**
 * After Upload to Board, the result in the Progress view offers "Watch its topics": the Topic Explorer connects to
 * the project's broker (the IDE's local broker here, with a password, on 127.0.0.1) with a profile made from the
 * project's config.json, subscribed to the project's topics, and reuses that profile the next time.
 */
class WatchTopicsAfterUploadTest {

	private static final String PROJECT = "porch";
	private static final String PASSWORD = "watch-Secret-7";

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	/** Installing libraries before Upload is off: this is about the code and its topics. */
	@RegisterExtension
	final LibrarySources libraries = new LibrarySources();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	private final List<Job> finished = new CopyOnWriteArrayList<>();
	private final LocalBroker broker = LocalBroker.ide().orElseThrow();
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
		OpenConnections.get().closeAll();
		broker.stop();
		ProjectSecrets.removeAll(PROJECT);
		ProfileStore.instance().remove("project:" + PROJECT);
	}

	@Test
	void watchItsTopicsConnectsTheExplorerToTheProjectsBrokerSubscribedToItsTopics() throws Exception {
		int port = freePort();
		broker.start(new LocalBrokerConfig(LocalBrokerConfig.LOOPBACK, port, "sensors", PASSWORD.toCharArray()));
		IProject project = SensorProjectCreator.create(new ProjectSpec(PROJECT, Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "127.0.0.1", port, false, "sensors", PASSWORD, "",
				"home/porch", 5, false, "", false), null, new NullProgressMonitor());
		new ProjectDeviceSettings(project).setPort(board.path(), 115200);
		Path config = project.getFile("config.json").getLocation().toPath();

		Job upload = upload(project);
		assertEquals(IStatus.OK, upload.getResult().getSeverity(), upload.getResult().getMessage());
		IAction watch = (IAction) upload.getProperty(IProgressConstants.ACTION_PROPERTY);
		assertEquals("Watch its topics", watch.getText());
		watch.run();

		TopicExplorerView view = (TopicExplorerView) workbench.page().findView(TopicExplorerView.ID);
		UiWait.until(Duration.ofSeconds(15), "the explorer to connect", () -> view.connection() != null
				&& view.connection().state() == BrokerConnection.State.CONNECTED);
		ConnectionProfile profile = view.connection().profile();
		assertEquals("project:" + PROJECT, profile.id());
		assertEquals("tcp://127.0.0.1:" + port, profile.serverUri());
		assertEquals("sensors", profile.username());
		assertEquals(List.of("home/porch/#"), view.connection().filters());

		publish(port, "home/porch/test/big", "another publisher under the prefix");
		publish(port, "home/elsewhere", "not subscribed");
		publish(port, "home/porch/picow_0102030405060708", "1");
		UiWait.until(Duration.ofSeconds(10), "the device topic in the explorer",
				() -> view.connection().tree().find("home/porch/picow_0102030405060708") != null);
		assertEquals(null, view.connection().tree().find("home/elsewhere"));
		Tree rows = view.tree().viewer().getTree();
		UiWait.until(Duration.ofSeconds(10), "the device topic revealed and selected, named after the project",
				() -> rows.getSelectionCount() == 1
						&& "picow_0102030405060708  [porch]".equals(rows.getSelection()[0].getText(0)));
		TreeItem device = rows.getSelection()[0];
		TreeItem other = Arrays.stream(device.getParentItem().getItems()).filter(i -> i.getText(0).startsWith("test"))
				.findFirst().orElseThrow();
		assertEquals("test", other.getText(0), "another publisher's topic is not named after the project");

		List<ConnectionProfile> saved = ProfileStore.instance().load().stream()
				.filter(p -> p.id().equals("project:" + PROJECT)).toList();
		assertEquals(1, saved.size());
		assertEquals(PASSWORD, new String(ProfileStore.instance().password("project:" + PROJECT)));
		watch.run();
		assertEquals(1, ProfileStore.instance().load().stream().filter(p -> p.id().equals("project:" + PROJECT))
				.count(), "the same profile the next time");

		ResourcesPlugin.getWorkspace().save(true, null);
		assertTrue(Files.readString(config).contains(PASSWORD), "the board's settings file has it");
		Path metadata = ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve(".metadata");
		try (var files = Files.walk(metadata)) {
			assertFalse(files.filter(Files::isRegularFile).anyMatch(file -> {
				try {
					return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(PASSWORD);
				} catch (java.io.IOException e) {
					return false;
				}
			}), "the password is not in the workspace metadata");
		}
	}

	private Job upload(IProject project) {
		int before = finished.size();
		IHandlerService handlers = workbench.window().getService(IHandlerService.class);
		ICommandService commands = workbench.window().getService(ICommandService.class);
		try {
			IEvaluationContext context = handlers.createContextSnapshot(false);
			context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(project));
			handlers.executeCommandInContext(new ParameterizedCommand(
					commands.getCommand("io.mqttdevices.ui.commands.upload"), null), null, context);
		} catch (Exception e) {
			throw new AssertionError("upload failed", e);
		}
		UiWait.until(Duration.ofSeconds(60), "the upload to finish", () -> finished.size() > before);
		return finished.get(finished.size() - 1);
	}

	private static void publish(int port, String topic, String payload) throws Exception {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "publisher-" + System.nanoTime(),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setUserName("sensors");
		options.setPassword(PASSWORD.toCharArray());
		client.connect(options);
		client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
		client.disconnect();
		client.close();
	}

	private static int freePort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}
}
