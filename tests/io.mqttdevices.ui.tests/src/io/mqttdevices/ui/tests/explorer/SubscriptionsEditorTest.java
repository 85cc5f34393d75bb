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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/** Subscriptions... on an open connection: filters and their QoS changed while connected, a bad QoS refused. */
class SubscriptionsEditorTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	@Test
	void theQosOfAFilterChangesWhileConnected() throws Exception {
		session.view().connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> session.view().connection() != null);
		BrokerConnection connection = session.view().connection();
		session.clickToolOpeningDialog(ExplorerViewSession.SUBSCRIPTIONS, dialog -> {
			Text filters = Widgets.textByLabel(dialog, Messages.TopicExplorer_subscriptionsMessage);
			assertEquals("# qos=1", filters.getText());
			Widgets.type(filters, "q/# qos=5");
			UiWait.drain();
			assertFalse(Widgets.button(dialog, "OK").isEnabled(), "a QoS of 5 is refused");
			Widgets.type(filters, "q/# qos=0, other/#");
			UiWait.drain();
			assertTrue(Widgets.button(dialog, "OK").isEnabled());
			click(Widgets.button(dialog, "OK"));
		});
		UiWait.until(WAIT, "the new subscriptions",
				() -> session.view().statusText().equals("Subscribed to q/# qos=0, other/# qos=1."));
		assertEquals(List.of(new Subscription("q/#", 0), Subscription.of("other/#")), connection.subscriptions());
		try (BrokerConnection publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree())) {
			publisher.connect();
			publisher.publish(OutgoingMessage.of("q/t", "1".getBytes(StandardCharsets.UTF_8), 1, false));
			publisher.publish(OutgoingMessage.of("other/t", "1".getBytes(StandardCharsets.UTF_8), 1, false));
		}
		TopicTree tree = connection.tree();
		UiWait.until(WAIT, "both messages", () -> tree.find("q/t") != null && tree.find("other/t") != null);
		assertEquals(0, tree.find("q/t").lastMessage().qos(), "published at 1, now subscribed at 0");
		assertEquals(1, tree.find("other/t").lastMessage().qos());
	}
}
