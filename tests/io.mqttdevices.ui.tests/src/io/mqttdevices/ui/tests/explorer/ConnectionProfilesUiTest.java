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

import static io.mqttdevices.ui.tests.support.ExplorerViewSession.WAIT;
import static io.mqttdevices.ui.tests.support.ExplorerViewSession.click;
import static io.mqttdevices.ui.tests.support.ExplorerViewSession.clickOpeningDialog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.ui.explorer.ProfilesAccess;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/**
 * Saved connection profiles in the connection dialog, driven through its widgets: delete (after a confirmation, the
 * password leaving secure storage, the open connection untouched), export without secrets, import, a bad file.
 */
class ConnectionProfilesUiTest {

	private static final String SECURE_ROOT = "io.mqttdevices/explorer";

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private final ProfileStore store = ProfileStore.instance();

	@BeforeEach
	@AfterEach
	void forgetSavedProfiles() throws Exception {
		for (ConnectionProfile p : store.load()) {
			store.remove(p.id());
		}
	}

	private TopicExplorerView view() {
		return session.view();
	}

	private static TitleAreaDialog dialogOf(Shell shell) {
		return (TitleAreaDialog) shell.getData();
	}

	private static void deleteSelectedProfile(Shell dialog, boolean confirm) {
		clickOpeningDialog(Widgets.button(dialog, "Delete..."), question -> {
			assertTrue(question.getText().equals("Delete Connection Profile"), question.getText());
			click(Widgets.button(question, confirm ? "Delete" : "Cancel"));
		});
	}

	@Test
	void deleteAsksThenRemovesTheProfileAndItsPasswordAndLeavesTheOpenConnection() throws Exception {
		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			Widgets.type(Widgets.textByLabel(dialog, "Name:"), "doomed");
			Widgets.type(Widgets.textByLabel(dialog, "Host:"), broker.host());
			Widgets.type(Widgets.textByLabel(dialog, "Port:"), String.valueOf(broker.port()));
			Widgets.type(Widgets.textByLabel(dialog, "User name:"), "tester");
			Widgets.type(Widgets.textByLabel(dialog, "Password:"), "doomed-secret");
			assertTrue(Widgets.button(dialog, "Save this profile").getSelection());
			click(Widgets.button(dialog, "Connect"));
		});
		UiWait.until(WAIT, "the connection", () -> view().connection() != null
				&& view().connection().state() == BrokerConnection.State.CONNECTED);
		List<ConnectionProfile> saved = store.load();
		assertEquals(List.of("doomed"), saved.stream().map(ConnectionProfile::name).toList());
		String id = saved.get(0).id();
		assertEquals("doomed-secret", new String(store.password(id)));

		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			Combo profiles = Widgets.comboByLabel(dialog, "Saved profiles:");
			assertEquals(List.of("doomed"), List.of(profiles.getItems()));
			assertEquals(0, profiles.getSelectionIndex());
			deleteSelectedProfile(dialog, false);
			UiWait.drain();
			assertEquals(1, profiles.getItemCount(), "Cancel keeps the profile");
			assertEquals(1, store.load().size());

			deleteSelectedProfile(dialog, true);
			UiWait.until(WAIT, "the list emptied", () -> profiles.getItemCount() == 0);
			assertEquals("Deleted the profile \"doomed\" and its passwords.", dialogOf(dialog).getMessage());
			assertFalse(Widgets.button(dialog, "Delete...").isEnabled(), "nothing left to delete");
			click(Widgets.button(dialog, "Cancel"));
		});
		UiWait.drain();
		assertEquals(List.of(), store.load());
		assertFalse(SecurePreferencesFactory.getDefault().node(SECURE_ROOT).nodeExists(id),
				"the password left secure storage");
		assertFalse(store.hasSecrets(id));

		// the connection opened with the profile lives on and still receives
		BrokerConnection open = view().connection();
		assertEquals(BrokerConnection.State.CONNECTED, open.state());
		try (BrokerConnection publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree())) {
			publisher.connect();
			publisher.publish(OutgoingMessage.of("after/delete", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		}
		UiWait.until(WAIT, "the message after the delete", () -> open.tree().find("after/delete") != null);
	}

	@Test
	void exportHoldsNoSecretImportBringsTheProfileBackAndABadFileChangesNothing(@TempDir Path dir)
			throws Exception {
		ConnectionProfile original = ConnectionProfile.of("sensors.example", 1884).withName("exported")
				.withUsername("reader").withSubscriptions(List.of("home/#", "homeassistant/#"));
		store.save(original);
		store.setPassword(original.id(), "never-exported".toCharArray());
		store.setKeyPassword(original.id(), "key-never-exported".toCharArray());
		Path file = dir.resolve("profiles.json");
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, "{\"format\": \"mqttdevices-explorer-profiles\", \"profiles\": [ {\"host\": ");
		AtomicReference<Path> chosen = new AtomicReference<>(file);
		AtomicReference<String> importError = new AtomicReference<>();

		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			ProfilesAccess.chooseFiles(dialog, chosen::get);
			Combo profiles = Widgets.comboByLabel(dialog, "Saved profiles:");
			assertEquals(List.of("exported"), List.of(profiles.getItems()));

			click(Widgets.button(dialog, "Export..."));
			UiWait.until(WAIT, "the export",
					() -> String.valueOf(dialogOf(dialog).getMessage()).startsWith("Exported"));
			assertNull(dialogOf(dialog).getErrorMessage());

			deleteSelectedProfile(dialog, true);
			UiWait.until(WAIT, "the profile deleted", () -> profiles.getItemCount() == 0);

			click(Widgets.button(dialog, "Import..."));
			UiWait.until(WAIT, "the profile imported", () -> profiles.getItemCount() == 1);
			assertEquals("exported", profiles.getItem(0));
			assertEquals("sensors.example", Widgets.textByLabel(dialog, "Host:").getText());
			assertEquals("Imported 1 profile(s), without passwords: enter them before connecting.",
					dialogOf(dialog).getMessage());

			chosen.set(bad);
			click(Widgets.button(dialog, "Import..."));
			UiWait.until(WAIT, "the import error", () -> dialogOf(dialog).getErrorMessage() != null);
			importError.set(dialogOf(dialog).getErrorMessage());
			assertEquals(List.of("exported"), List.of(profiles.getItems()), "a bad file adds nothing");
			click(Widgets.button(dialog, "Cancel"));
		});
		UiWait.drain();

		String json = Files.readString(file);
		assertTrue(json.contains("\"name\": \"exported\""), json);
		assertTrue(json.contains("\"host\": \"sensors.example\""), json);
		assertFalse(json.contains("never-exported"), json);
		assertFalse(json.toLowerCase().contains("password"), json);

		// one sentence naming the file and where it breaks, no exception class
		assertTrue(importError.get().matches("Cannot import " + java.util.regex.Pattern.quote(bad.toString())
				+ ": Not a connection profile file: the JSON is malformed at line 1, column \\d+"), importError.get());

		List<ConnectionProfile> after = store.load();
		assertEquals(1, after.size(), "only the imported profile, once");
		ConnectionProfile back = after.get(0);
		assertNotEquals(original.id(), back.id(), "an import gets a fresh id");
		assertEquals(original.withId(back.id()), back);
		assertFalse(store.hasSecrets(back.id()), "no password came with the import");
		assertNull(store.password(back.id()));
		assertNull(store.keyPassword(back.id()));
	}

	@Test
	void subscriptionQosChosenInTheDialogIsUsedAndRoundTripsThroughExportAndImport(@TempDir Path dir)
			throws Exception {
		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			Widgets.type(Widgets.textByLabel(dialog, "Name:"), "qos");
			Widgets.type(Widgets.textByLabel(dialog, "Host:"), broker.host());
			Widgets.type(Widgets.textByLabel(dialog, "Port:"), String.valueOf(broker.port()));
			Text subscriptions = Widgets.textByLabel(dialog, "Subscriptions:");
			assertEquals("# qos=1", subscriptions.getText(), "the default: everything at QoS 1");
			Widgets.type(subscriptions, "low/# qos=3");
			assertEquals("The QoS in \"low/# qos=3\" must be qos=0, qos=1 or qos=2.",
					dialogOf(dialog).getErrorMessage());
			assertFalse(Widgets.button(dialog, "Connect").isEnabled());
			Widgets.type(subscriptions, "low/# qos=0\nhigh/# qos=2");
			assertNull(dialogOf(dialog).getErrorMessage());
			click(Widgets.button(dialog, "Connect"));
		});
		UiWait.until(WAIT, "the connection", () -> view().connection() != null
				&& view().connection().state() == BrokerConnection.State.CONNECTED);
		TopicTree tree = view().connection().tree();
		try (BrokerConnection publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree())) {
			publisher.connect();
			publisher.publish(OutgoingMessage.of("low/t", "1".getBytes(StandardCharsets.UTF_8), 1, false));
			publisher.publish(OutgoingMessage.of("high/t", "1".getBytes(StandardCharsets.UTF_8), 1, false));
			publisher.publish(OutgoingMessage.of("high/u", "2".getBytes(StandardCharsets.UTF_8), 2, false));
		}
		UiWait.until(WAIT, "the three messages", () -> tree.root().totalCount() == 3);
		assertEquals(0, tree.find("low/t").lastMessage().qos(), "published at 1, subscribed at 0");
		assertEquals(1, tree.find("high/t").lastMessage().qos(), "published at 1, subscribed at 2: the lower");
		assertEquals(2, tree.find("high/u").lastMessage().qos());
		List<Subscription> chosen = List.of(new Subscription("low/#", 0), new Subscription("high/#", 2));
		assertEquals(chosen, store.load().get(0).subscriptions(), "saved with the profile");

		Path file = dir.resolve("qos.json");
		session.clickToolOpeningDialog(ExplorerViewSession.CONNECT, dialog -> {
			ProfilesAccess.chooseFiles(dialog, () -> file);
			Combo profiles = Widgets.comboByLabel(dialog, "Saved profiles:");
			click(Widgets.button(dialog, "Export..."));
			UiWait.until(WAIT, "the export",
					() -> String.valueOf(dialogOf(dialog).getMessage()).startsWith("Exported"));
			deleteSelectedProfile(dialog, true);
			UiWait.until(WAIT, "the profile deleted", () -> profiles.getItemCount() == 0);
			click(Widgets.button(dialog, "Import..."));
			UiWait.until(WAIT, "the profile imported", () -> profiles.getItemCount() == 1);
			assertEquals("low/# qos=0\nhigh/# qos=2", Widgets.textByLabel(dialog, "Subscriptions:").getText());
			click(Widgets.button(dialog, "Cancel"));
		});
		UiWait.drain();
		assertTrue(Files.readString(file).contains("\"qos\": 0"), Files.readString(file));
		assertEquals(chosen, store.load().get(0).subscriptions(), "the QoS came back with the import");
	}
}
