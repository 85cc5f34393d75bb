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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;

/** The Age column keeps counting while no message arrives (the view open, one retained message, then silence). */
class AgeColumnTest {

	private static final int AGE = 4;

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private static int seconds(String age) {
		assertTrue(age.matches("\\d+ s"), age);
		return Integer.parseInt(age.substring(0, age.indexOf(' ')));
	}

	@Test
	void ageOfASilentTopicMovesOnWithoutNewMessages() throws Exception {
		try (BrokerConnection publisher = new BrokerConnection(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(List.of("nothing/here")), null, null, new TopicTree())) {
			publisher.connect();
			publisher.publish(OutgoingMessage.of("quiet/t", "once".getBytes(StandardCharsets.UTF_8), 1, true));
		}
		session.view().connect(ConnectionProfile.of(broker.host(), broker.port()), null, null);
		UiWait.until(WAIT, "the connection", () -> session.view().connection() != null);
		TopicTree tree = session.view().connection().tree();
		TreeItem row = session.expandTo("quiet/t");
		UiWait.until(WAIT, "the row's labels", () -> "once".equals(row.getText(2)));
		long generation = tree.generation();
		int first = seconds(row.getText(AGE));

		UiWait.until(Duration.ofSeconds(5), "the age to grow by 2 s, not " + row.getText(AGE),
				() -> seconds(row.getText(AGE)) >= first + 2);
		assertEquals(generation, tree.generation(), "no message came meanwhile");
		assertEquals(1, tree.find("quiet/t").messageCount());
	}
}
