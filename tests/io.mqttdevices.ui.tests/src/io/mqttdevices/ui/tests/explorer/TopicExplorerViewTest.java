/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.mqttdevices.ui.tests.support.ExplorerViewSession.click;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicMessage.UserProperty;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.ui.explorer.DetailAccess;
import io.mqttdevices.ui.explorer.ExplorerCommands;
import io.mqttdevices.ui.explorer.OpenConnections;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The Topic Explorer view in the real workbench, driven through its widgets, against a real Mosquitto. */
class TopicExplorerViewTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@RegisterExtension
	final MosquittoBroker locked = MosquittoBroker.withPassword("sensor", "right");

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private TopicExplorerView view;
	private BrokerConnection publisher;

	@BeforeEach
	void openView() throws Exception {
		// the session opened the view in the MQTT Devices perspective, where the explorer has a stack of its own
		view = session.view();
		publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree());
		publisher.connect();
	}

	@AfterEach
	void closePublisher() {
		// the session closes the explorer's connections and gives back the perspective the other tests expect
		if (publisher != null) {
			publisher.close();
		}
	}

	private Shell viewShell() {
		return view.getSite().getShell();
	}

	private org.eclipse.swt.widgets.Composite viewControl() {
		return session.control();
	}

	private void connectThroughTheDialog(String host, int port, String password) {
		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			Widgets.type(Widgets.textByLabel(dialog, "Name:"), "fixture");
			Widgets.type(Widgets.textByLabel(dialog, "Host:"), host);
			Widgets.type(Widgets.textByLabel(dialog, "Port:"), String.valueOf(port));
			Widgets.type(Widgets.textByLabel(dialog, "Password:"), password);
			Button save = Widgets.button(dialog, "Save this profile");
			save.setSelection(false);
			click(Widgets.button(dialog, "Connect"));
		});
	}

	private static TreeItem item(TreeItem[] items, String name) {
		for (TreeItem item : items) {
			if (name.equals(item.getText(0))) {
				return item;
			}
		}
		return null;
	}

	@Test
	void connectsThroughTheDialogAndShowsCountsAndTheRetainedFlag() throws Exception {
		publisher.publish(OutgoingMessage.of("ui/dev/state", "online".getBytes(StandardCharsets.UTF_8), 1, true));
		connectThroughTheDialog(broker.host(), broker.port(), "");
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		assertTrue(view.statusText().startsWith("Connected to tcp://127.0.0.1:" + broker.port()), view.statusText());
		for (int i = 0; i < 3; i++) {
			publisher.publish(OutgoingMessage.of("ui/dev/temp", ("2" + i).getBytes(StandardCharsets.UTF_8), 1, false));
		}
		TreeItem ui = session.expandTo("ui");
		UiWait.until(WAIT, "4 messages under ui", () -> "4".equals(ui.getText(1)));
		TreeItem state = session.expandTo("ui/dev/state");
		assertEquals("online", state.getText(2));
		assertEquals("retained", state.getText(3));
		TreeItem temp = session.expandTo("ui/dev/temp");
		UiWait.until(WAIT, "the latest temperature", () -> "22".equals(temp.getText(2)));
		assertEquals("3", temp.getText(1));
		assertEquals("", temp.getText(3));
		publisher.deleteRetained(List.of("ui/dev/state"));
	}

	@Test
	void actionsAreCommandsInTheToolbarViewMenuAndContextMenuEnabledByConnectionAndSelection() throws Exception {
		assertTrue(Widgets.all(viewControl()).stream().noneMatch(Button.class::isInstance),
				"no buttons in the view's body: " + Widgets.all(viewControl()));
		// before a connection only Connect... can run
		UiWait.until(WAIT, "Connect... enabled", () -> session.toolItem(ExplorerViewSession.CONNECT).isEnabled());
		for (String tooltip : List.of(ExplorerViewSession.DISCONNECT, ExplorerViewSession.SUBSCRIPTIONS,
				ExplorerViewSession.PUBLISH, ExplorerViewSession.DELETE_RETAINED)) {
			UiWait.until(WAIT, tooltip + " disabled", () -> !session.toolItem(tooltip).isEnabled());
			assertTrue(session.toolItem(tooltip).getImage() != null, tooltip + " has an icon");
		}
		assertEquals(List.of(ExplorerCommands.CONNECT, ExplorerCommands.DISCONNECT, ExplorerCommands.SUBSCRIPTIONS,
				ExplorerCommands.PAUSE, ExplorerCommands.PUBLISH, ExplorerCommands.DELETE_RETAINED,
				ExplorerCommands.COPY_TOPIC, ExplorerCommands.COPY_PAYLOAD, ExplorerCommands.EXPORT),
				viewMenuCommands());

		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		UiWait.until(WAIT, "Disconnect enabled", () -> session.toolItem(ExplorerViewSession.DISCONNECT).isEnabled());
		UiWait.until(WAIT, "Publish enabled", () -> session.toolItem(ExplorerViewSession.PUBLISH).isEnabled());
		assertFalse(session.toolItem(ExplorerViewSession.DELETE_RETAINED).isEnabled(), "no topic selected");
		assertEquals(List.of("Publish to This Topic..."), session.contextMenu(), "nothing selected");

		publisher.publish(OutgoingMessage.of("menu/t", "21.5".getBytes(StandardCharsets.UTF_8), 1, true));
		TreeItem row = session.expandTo("menu/t");
		view.tree().viewer().setSelection(new StructuredSelection(row.getData()), true);
		UiWait.until(WAIT, "Delete Retained enabled",
				() -> session.toolItem(ExplorerViewSession.DELETE_RETAINED).isEnabled());
		assertEquals(List.of("Copy Topic", "Copy Payload", "Publish to This Topic...", "Delete Retained...",
				"Export History..."), session.contextMenu());

		// Ctrl+C in the tree copies the topic; Copy Payload from the context menu the payload
		assertEquals(ExplorerCommands.COPY_TOPIC, session.pressInTree("M1+C", null));
		assertEquals("menu/t", clipboard());
		session.chooseFromContextMenu("Copy Payload", null);
		assertEquals("21.5", clipboard());
		// in the Filter field Ctrl+C and Delete are the field's again
		Widgets.textByLabel(viewControl(), "Filter:").setFocus();
		UiWait.until(WAIT, "the tree's keys off", () -> !PlatformUI.getWorkbench().getService(IContextService.class)
				.getActiveContextIds().contains(ExplorerCommands.CONTEXT));
		assertFalse(ExplorerCommands.COPY_TOPIC.equals(ExplorerViewSession.boundCommand("M1+C")));
		assertFalse(ExplorerCommands.DELETE_RETAINED.equals(ExplorerViewSession.boundCommand("DEL")));

		session.clickTool(ExplorerViewSession.DISCONNECT);
		UiWait.until(WAIT, "disconnected", () -> view.connection() == null);
		UiWait.until(WAIT, "Disconnect disabled", () -> !session.toolItem(ExplorerViewSession.DISCONNECT).isEnabled());
		publisher.deleteRetained(List.of("menu/t"));
	}

	/** The commands of the view menu, in order, as plugin.xml contributes them (the workbench fills it on opening). */
	private static List<String> viewMenuCommands() {
		List<String> ids = new java.util.ArrayList<>();
		for (IConfigurationElement contribution : Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.ui.menus")) {
			if (("menu:" + TopicExplorerView.ID).equals(contribution.getAttribute("locationURI"))) {
				for (IConfigurationElement command : contribution.getChildren("command")) {
					ids.add(command.getAttribute("commandId"));
				}
			}
		}
		return ids;
	}

	private String clipboard() {
		Clipboard clipboard = new Clipboard(viewShell().getDisplay());
		try {
			return (String) clipboard.getContents(TextTransfer.getInstance());
		} finally {
			clipboard.dispose();
		}
	}

	@Test
	void aLiveRetainedMessageShowsRetainedAndTheColumnSaysWhatItMeans() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		// published after the explorer subscribed: the broker passes it on live, not from its store
		publisher.publish(OutgoingMessage.of("live/kept", "on".getBytes(StandardCharsets.UTF_8), 1, true));
		publisher.publish(OutgoingMessage.of("live/passing", "x".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem kept = session.expandTo("live/kept");
		UiWait.until(WAIT, "the live message", () -> "on".equals(kept.getText(2)));
		assertEquals("retained", kept.getText(3), "MQTT 5: the flag as published");
		TreeItem passing = session.expandTo("live/passing");
		UiWait.until(WAIT, "the other message", () -> "x".equals(passing.getText(2)));
		assertEquals("", passing.getText(3));
		String tooltip = view.tree().viewer().getTree().getColumn(3).getToolTipText();
		assertTrue(tooltip != null && tooltip.contains("MQTT 3.1.1"), tooltip);
		publisher.deleteRetained(List.of("live/kept"));
	}

	/** A user clicks the explorer's toolbar while another view is active: the click must work the first time. */
	@Test
	void theToolbarWorksWhileAnotherViewIsActive() throws Exception {
		workbench.page().showView(org.eclipse.ui.IPageLayout.ID_PROJECT_EXPLORER);
		UiWait.drain();
		assertFalse(workbench.page().getActivePart() == view, "another view is active");
		org.eclipse.ui.commands.ICommandService commands = workbench.window()
				.getService(org.eclipse.ui.commands.ICommandService.class);
		assertTrue(commands.getCommand(ExplorerCommands.CONNECT).isEnabled(), "Connect... while the explorer is not active");
		assertFalse(commands.getCommand(ExplorerCommands.DISCONNECT).isEnabled(), "nothing to disconnect");
	}

	@Test
	void aMegabyteOnOneLineIsShownInReadableLines() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		String line = "0123456789abcdef".repeat(65_536);
		publisher.publish(OutgoingMessage.of("long/line", line.getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem item = session.expandTo("long/line");
		UiWait.until(WAIT, "the message", () -> "1".equals(item.getText(1)));
		view.tree().viewer().setSelection(new StructuredSelection(item.getData()), true);
		UiWait.drain();
		assertTrue(DetailAccess.payload(view).lines().allMatch(l -> l.length() <= 2000), "the start, in lines");

		DetailAccess.showWholePayload(view);
		UiWait.drain();
		String shown = DetailAccess.payload(view);
		assertTrue(shown.lines().allMatch(l -> l.length() <= 2000), "the whole of it, in lines");
		assertEquals(line, shown.replace("\n", ""), "nothing lost or added but the breaks");
	}

	@Test
	void detailShowsPrettyJsonAndUserPropertiesAndDiff() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(new OutgoingMessage("json/t", "{\"t\":21}".getBytes(StandardCharsets.UTF_8), 1, false,
				"application/json", List.of(new UserProperty("unit", "C")), null));
		publisher.publish(new OutgoingMessage("json/t", "{\"t\":22}".getBytes(StandardCharsets.UTF_8), 1, false,
				"application/json", List.of(new UserProperty("unit", "C")), null));
		TreeItem item = session.expandTo("json/t");
		UiWait.until(WAIT, "both messages", () -> "2".equals(item.getText(1)));
		view.tree().viewer().setSelection(new StructuredSelection(item.getData()), true);
		UiWait.drain();
		assertEquals("{\n  \"t\": 22\n}", DetailAccess.payload(view));
		String info = DetailAccess.info(view);
		assertTrue(info.contains("User property: unit = C"), info);
		assertTrue(info.contains("Content type: application/json"), info);
		DetailAccess.selectTab(view, "Diff");
		UiWait.until(WAIT, "the diff", () -> DetailAccess.diff(view).contains("- " + "  \"t\": 21"));
		assertTrue(DetailAccess.diff(view).contains("+   \"t\": 22"), DetailAccess.diff(view));
		DetailAccess.selectTab(view, "History");
		UiWait.until(WAIT, "two history rows", () -> DetailAccess.historyRows(view) == 2);
		DetailAccess.selectTab(view, "Chart");
		UiWait.until(WAIT, "the chart of t", () -> DetailAccess.chartSeries(view) == 1);
	}

	@Test
	void aTopicWithOneNumberShowsItsPointInTheChart() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("one/n", "21.5".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem item = session.expandTo("one/n");
		view.tree().viewer().setSelection(new StructuredSelection(item.getData()), true);
		DetailAccess.selectTab(view, "Chart");
		UiWait.until(WAIT, "the chart of one/n", () -> DetailAccess.chartSeries(view) == 1);
		UiWait.drain();
		int pixels = DetailAccess.chartPlotPixels(view);
		assertTrue(pixels > 4, "the lone reading is drawn: " + pixels + " blue pixels in the plot area");
	}

	@Test
	void publishDialogRoundTripsThroughTheBroker() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		session.clickToolOpeningDialog(ExplorerViewSession.PUBLISH, dialog -> {
			Widgets.type(Widgets.textByLabel(dialog, "Topic:"), "from/ui");
			Widgets.type(Widgets.textByLabel(dialog, "Payload:"), "hello");
			Widgets.type(Widgets.textByLabel(dialog, "User properties (key=value a line):"), "k=v");
			click(Widgets.button(dialog, "Publish"));
		});
		UiWait.until(WAIT, "the message back", () -> view.connection().tree().find("from/ui") != null);
		assertEquals("hello",
				new String(view.connection().tree().find("from/ui").lastMessage().payload(), StandardCharsets.UTF_8));
		assertEquals(List.of(new UserProperty("k", "v")),
				view.connection().tree().find("from/ui").lastMessage().userProperties());
		UiWait.until(WAIT, "the status", () -> view.statusText().equals("Published to from/ui."));
	}

	@Test
	void deleteRetainedAsksFirstThenClearsTheBroker() throws Exception {
		publisher.publish(OutgoingMessage.of("keep/a", "1".getBytes(StandardCharsets.UTF_8), 1, true));
		publisher.publish(OutgoingMessage.of("keep/b", "2".getBytes(StandardCharsets.UTF_8), 1, true));
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		TreeItem keep = session.expandTo("keep");
		UiWait.until(WAIT, "two retained", () -> "2".equals(keep.getText(1)));
		view.tree().viewer().setSelection(new StructuredSelection(keep.getData()), true);

		// the context menu's entry asks first; Cancel leaves the broker as it was
		session.chooseFromContextMenu("Delete Retained...", dialog -> click(Widgets.button(dialog, "Cancel")));
		UiWait.drain();
		assertEquals(2, view.connection().tree().retainedTopics(view.connection().tree().root()).size());

		// the Delete key in the tree asks the same question; Delete deletes
		assertEquals(ExplorerCommands.DELETE_RETAINED,
				session.pressInTree("DEL", dialog -> click(Widgets.button(dialog, "Delete"))));
		UiWait.until(WAIT, "the status", () -> view.statusText().startsWith("Deleted 2 retained"));
		TopicTree fresh = new TopicTree();
		try (BrokerConnection check = new BrokerConnection(
				ConnectionProfile.of(broker.host(), broker.port()).withSubscriptions(List.of("keep/#")), null, null,
				fresh)) {
			check.connect();
			Thread.sleep(500);
			assertEquals(0, fresh.root().totalCount(), "no retained message left");
		}
	}

	@Test
	void pauseHoldsTheTreeAndResumeCatchesUp() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("p/x", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem p = session.expandTo("p");
		UiWait.until(WAIT, "one message", () -> "1".equals(p.getText(1)));
		ToolItem pause = session.toolItem(ExplorerViewSession.PAUSE);
		assertFalse(pause.getSelection());
		session.clickTool(ExplorerViewSession.PAUSE);
		assertTrue(view.tree().isPaused());
		UiWait.until(WAIT, "Pause shown pressed", pause::getSelection);
		publisher.publish(OutgoingMessage.of("p/x", "2".getBytes(StandardCharsets.UTF_8), 1, false));
		UiWait.until(WAIT, "the model", () -> view.connection().tree().find("p").totalCount() == 2);
		long end = System.currentTimeMillis() + 3 * 250 + 200;
		UiWait.until(WAIT, "a few refresh periods", () -> System.currentTimeMillis() > end);
		assertEquals("1", p.getText(1), "paused: the tree holds still");
		session.clickTool(ExplorerViewSession.PAUSE);
		UiWait.until(WAIT, "Pause shown released", () -> !pause.getSelection());
		UiWait.until(WAIT, "resumed count", () -> "2".equals(p.getText(1)));
	}

	@Test
	void filterShowsOnlyMatchingTopics() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("house/kitchen/temp", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		publisher.publish(OutgoingMessage.of("garden/soil", "2".getBytes(StandardCharsets.UTF_8), 1, false));
		UiWait.until(WAIT, "both top levels", () -> view.tree().viewer().getTree().getItemCount() == 2);
		Widgets.type(Widgets.textByLabel(viewControl(), "Filter:"), "kitch");
		UiWait.until(WAIT, "one top level", () -> view.tree().viewer().getTree().getItemCount() == 1);
		assertNotNull(item(view.tree().viewer().getTree().getItems(), "house"));
		Widgets.type(Widgets.textByLabel(viewControl(), "Filter:"), "");
		UiWait.until(WAIT, "both again", () -> view.tree().viewer().getTree().getItemCount() == 2);
	}

	@Test
	void badPasswordShowsOneClearMessage() throws Exception {
		view.connect(ConnectionProfile.of(locked.host(), locked.port()).withUsername("sensor"), "wrong".toCharArray(),
				null);
		String where = "The broker at 127.0.0.1:" + locked.port();
		UiWait.until(WAIT, "the error", () -> view.statusText().startsWith(where));
		// Mosquitto answers a wrong password with 0x86 or 0x87 depending on its version: each has its sentence
		assertTrue(view.statusText().equals(where + " refused the user name or password.") || view.statusText()
				.equals(where + " does not authorise this client: check the user name, password or client certificate."),
				view.statusText());
		assertFalse(view.statusText().contains("Exception"), view.statusText());
		assertEquals(null, view.connection());
		assertEquals(0, OpenConnections.get().all().size());
	}

	@Test
	void brokerLossIsShownAndTheTreeCatchesUpAfterReconnect() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("life/a", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem life = session.expandTo("life");
		UiWait.until(WAIT, "one message", () -> "1".equals(life.getText(1)));
		publisher.close();
		broker.kill();
		UiWait.until(WAIT, "the loss shown", () -> view.statusText().startsWith("The broker at 127.0.0.1:" + broker.port()
				+ " went away (it closed the connection). Next try at "));
		broker.restart();
		UiWait.until(Duration.ofSeconds(40), "reconnected", () -> view.statusText().startsWith("Connected to"));
		publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree());
		publisher.connect();
		publisher.publish(OutgoingMessage.of("life/b", "2".getBytes(StandardCharsets.UTF_8), 1, false));
		UiWait.until(WAIT, "the new message counted", () -> "2".equals(life.getText(1)));
	}

	@Test
	void twoConnectionsAtOnceAreBothListed() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()).withName("first"), null, null);
		UiWait.until(WAIT, "the first", () -> OpenConnections.get().all().size() == 1);
		view.connect(ConnectionProfile.of(broker.host(), broker.port()).withName("second"), null, null);
		UiWait.until(WAIT, "the second", () -> OpenConnections.get().all().size() == 2);
		Combo combo = Widgets.all(viewControl()).stream().filter(Combo.class::isInstance).map(Combo.class::cast)
				.findFirst().orElseThrow();
		UiWait.until(WAIT, "both in the list", () -> combo.getItemCount() == 2);
		assertEquals(List.of("first", "second"), List.of(combo.getItems()));
		UiWait.until(WAIT, "the second shown", () -> "second".equals(view.connection().profile().name()));
		combo.select(0);
		combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertEquals("first", view.connection().profile().name());
	}

	@Test
	void switchingConnectionsKeepsEachOnesExpandedRowsAndSelection() throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()).withName("first"), null, null);
		UiWait.until(WAIT, "the first", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("keep/open/t", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem leaf = session.expandTo("keep/open/t");
		TopicNode chosen = (TopicNode) leaf.getData();
		view.tree().viewer().setSelection(new StructuredSelection(chosen), true);
		view.connect(ConnectionProfile.of(broker.host(), broker.port()).withName("second"), null, null);
		UiWait.until(WAIT, "the second shown", () -> view.connection() != null
				&& "second".equals(view.connection().profile().name()));
		Combo combo = Widgets.comboByLabel(viewControl(), "Connection:");
		combo.select(0);
		combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertEquals("first", view.connection().profile().name());
		UiWait.drain();
		assertEquals(chosen, view.tree().selection(), "the first connection's selection is back");
		TreeItem keep = item(view.tree().viewer().getTree().getItems(), "keep");
		assertNotNull(keep);
		assertTrue(keep.getExpanded(), "keep is still open");
		TreeItem open = item(keep.getItems(), "open");
		assertNotNull(open);
		assertTrue(open.getExpanded(), "keep/open is still open");
		assertEquals("1", DetailAccess.payload(view), "the detail shows the selected topic again");
	}

	@Test
	void exportWritesTheHistoryAsCsv(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("exp/t", "a".getBytes(StandardCharsets.UTF_8), 1, false));
		publisher.publish(OutgoingMessage.of("exp/t", "b".getBytes(StandardCharsets.UTF_8), 1, false));
		UiWait.until(WAIT, "two", () -> view.connection().tree().find("exp/t") != null
				&& view.connection().tree().find("exp/t").messageCount() == 2);
		TopicNode node = view.connection().tree().find("exp/t");
		Path file = dir.resolve("t.csv");
		DetailAccess.export(view, node, file).join();
		List<String> lines = Files.readAllLines(file);
		assertEquals(3, lines.size(), lines.toString());
		assertTrue(lines.get(1).endsWith(",exp/t,1,false,utf-8,a"), lines.get(1));
	}

	@Test
	void topicsOfAWorkspaceSensorProjectShowItsName() throws Exception {
		SensorProjectCreator.create(new ProjectSpec("porch", Runtime.MICROPYTHON, Board.PICO_W,
				Sensor.DIGITAL_ON_CHANGE, "15", "net", "pw", "broker.local", 1883, false, "", "", "porch_1", "garden",
				5, false, "", false), null, new NullProgressMonitor());
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("garden/porch_1/state", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		publisher.publish(OutgoingMessage.of("garden/other/state", "2".getBytes(StandardCharsets.UTF_8), 1, false));
		TreeItem mine = session.expandTo("garden/porch_1/state");
		UiWait.until(WAIT, "the project named", () -> "state  [porch]".equals(mine.getText(0)));
		TreeItem other = session.expandTo("garden/other/state");
		assertEquals("state", other.getText(0));
	}

	@Test
	void onlyTheDeviceTopicsOfAProjectWithABoardMadeClientIdShowItsName() throws Exception {
		SensorProjectCreator.create(new ProjectSpec("garden", Runtime.MICROPYTHON, Board.ESP32, Sensor.ANALOG,
				Board.ESP32.defaultPin(Runtime.MICROPYTHON, Sensor.ANALOG), "net", "pw", "broker.local", 1883, false, "",
				"", "", "home", 5, false, "", false), null, new NullProgressMonitor());
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		String device = "home/esp32_a1b2c3d4e5f6";
		for (String topic : List.of(device, device + "/availability", "home/test/big",
				"homeassistant/sensor/esp32_a1b2c3d4e5f6/value/config", "home/picow_a1b2c3d4e5f6a7b8")) {
			publisher.publish(OutgoingMessage.of(topic, "1".getBytes(StandardCharsets.UTF_8), 1, false));
		}
		TreeItem state = session.expandTo(device);
		UiWait.until(WAIT, "the project named", () -> "esp32_a1b2c3d4e5f6  [garden]".equals(state.getText(0)));
		assertEquals("availability  [garden]", session.expandTo(device + "/availability").getText(0));
		assertEquals("config  [garden]",
				session.expandTo("homeassistant/sensor/esp32_a1b2c3d4e5f6/value/config").getText(0));
		assertEquals("big", session.expandTo("home/test/big").getText(0), "another publisher's topic");
		assertEquals("home", session.expandTo("home").getText(0), "the prefix itself");
		assertEquals("picow_a1b2c3d4e5f6a7b8", session.expandTo("home/picow_a1b2c3d4e5f6a7b8").getText(0),
				"a board the project's program does not name");
	}

	@Test
	void doubleClickingAnEntityShowsItsStateTopicSelectedInTheTopicsTab() throws Exception {
		publisher.publish(OutgoingMessage.of("homeassistant/sensor/esp_2/temperature/config",
				("{\"name\": \"Temperature\", \"state_topic\": \"home/esp_2/temp\", "
						+ "\"device\": {\"identifiers\": [\"esp_2\"], \"name\": \"Porch ESP\"}}")
						.getBytes(StandardCharsets.UTF_8), 1, true));
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		publisher.publish(OutgoingMessage.of("home/esp_2/temp", "19.5".getBytes(StandardCharsets.UTF_8), 1, false));
		UiWait.until(WAIT, "the reading", () -> view.connection().tree().find("home/esp_2/temp") != null);
		DetailAccess.selectLeftTab(view, "Devices");
		String entity = "Temperature  [sensor]  home/esp_2/temp";
		UiWait.until(WAIT, "the entity", () -> DetailAccess.deviceRows(view).contains(entity));
		DetailAccess.doubleClickDeviceRow(view, entity);
		UiWait.drain();
		assertEquals("Topics", DetailAccess.leftTab(view), "the state topic is shown where it is");
		assertEquals("home/esp_2/temp", view.tree().selection().topic());
		TreeItem[] selected = view.tree().viewer().getTree().getSelection();
		assertEquals(1, selected.length);
		assertEquals("temp", selected[0].getText(0));
		publisher.deleteRetained(List.of("homeassistant/sensor/esp_2/temperature/config"));
	}

	@Test
	void homeAssistantDiscoveryShowsAsADeviceWithItsEntities() throws Exception {
		publisher.publish(OutgoingMessage.of("homeassistant/sensor/esp_1/temperature/config",
				("{\"name\": \"Temperature\", \"state_topic\": \"home/esp_1/temp\", "
						+ "\"device\": {\"identifiers\": [\"esp_1\"], \"name\": \"Kitchen ESP\"}}")
						.getBytes(StandardCharsets.UTF_8), 1, true));
		view.connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> view.connection() != null);
		UiWait.until(WAIT, "the config", () -> view.connection().tree().root().totalCount() == 1);
		DetailAccess.selectLeftTab(view, "Devices");
		UiWait.until(WAIT, "the device", () -> DetailAccess.deviceRows(view).size() == 2);
		assertEquals(List.of("Kitchen ESP  (esp_1)", "Temperature  [sensor]  home/esp_1/temp"),
				DetailAccess.deviceRows(view));
		publisher.deleteRetained(List.of("homeassistant/sensor/esp_1/temperature/config"));
	}
}
