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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.ui.explorer.ExplorerLimits;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.preferences.ExplorerPreferencePage;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/**
 * Window > Preferences > MQTT Devices > Topic Explorer through the real preference dialog: bad numbers are refused
 * with the field's message, and applying lowers the history of a connection that is already open.
 */
class ExplorerPreferencePageTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ExplorerLimits.NODE);

	@BeforeEach
	@AfterEach
	void defaultLimits() throws Exception {
		preferences.remove(ExplorerLimits.HISTORY_KEY);
		preferences.remove(ExplorerLimits.BUDGET_KEY);
		preferences.flush();
	}

	@Test
	void invalidNumbersAreRefusedAndApplyingCapsTheHistoryOfAnOpenConnection() throws Exception {
		session.view().connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> session.view().connection() != null);
		TopicTree tree = session.view().connection().tree();
		assertEquals(1000, tree.historyPerTopic());
		try (BrokerConnection publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree())) {
			publisher.connect();
			for (int i = 0; i < 10; i++) {
				publisher.publish(OutgoingMessage.of("cap/t", ("" + i).getBytes(StandardCharsets.UTF_8), 1, false));
			}
		}
		UiWait.until(WAIT, "ten messages kept", () -> tree.find("cap/t") != null
				&& tree.find("cap/t").history().size() == 10);

		assertNotNull(PlatformUI.getWorkbench().getPreferenceManager()
				.find("io.mqttdevices.ui.preferences.root/" + ExplorerPreferencePage.ID), "under MQTT Devices");
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
				ExplorerViewSession.window().getShell(), ExplorerPreferencePage.ID,
				new String[] { ExplorerPreferencePage.ID }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			IPreferencePage page = (IPreferencePage) dialog.getSelectedPage();
			Text history = Widgets.textByLabel(dialog.getShell(), "History per topic (messages):");
			Text budget = Widgets.textByLabel(dialog.getShell(), "History budget, all topics together (MB):");
			Button apply = Widgets.button(dialog.getShell(), "Apply and Close");
			assertEquals("1000", history.getText());
			assertEquals("64", budget.getText());

			for (String wrong : List.of("0", "1000001", "many")) {
				Widgets.type(history, wrong);
				UiWait.drain();
				assertEquals(Messages.ExplorerPreferencePage_historyInvalid, page.getErrorMessage(), wrong);
				assertFalse(apply.isEnabled(), wrong);
			}
			Widgets.type(history, "3");
			UiWait.drain();
			assertNull(page.getErrorMessage());
			assertTrue(apply.isEnabled());

			Widgets.type(budget, "0");
			UiWait.drain();
			assertEquals(Messages.ExplorerPreferencePage_budgetInvalid, page.getErrorMessage());
			assertFalse(apply.isEnabled());
			Widgets.type(budget, "32");
			UiWait.drain();
			assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
			apply.notifyListeners(SWT.Selection, null);
			UiWait.until(WAIT, "the dialog to close", () -> dialog.getShell() == null);
		} finally {
			dialog.close();
		}
		assertEquals(3, preferences.getInt(ExplorerLimits.HISTORY_KEY, -1));
		assertEquals(32, preferences.getInt(ExplorerLimits.BUDGET_KEY, -1));
		UiWait.until(WAIT, "the open connection's history cut to 3",
				() -> tree.historyPerTopic() == 3 && tree.find("cap/t").history().size() == 3);
		assertEquals(32L * 1024 * 1024, tree.budgetBytes());
		assertEquals("7", new String(tree.find("cap/t").history().get(0).payload(), StandardCharsets.UTF_8),
				"the oldest went: 7, 8, 9 are kept");
		assertEquals(10, tree.find("cap/t").messageCount(), "the count still says how many came");
	}
}
