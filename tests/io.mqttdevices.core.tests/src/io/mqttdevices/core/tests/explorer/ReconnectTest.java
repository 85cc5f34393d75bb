/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.BrokerConnection.State;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The broker is killed and restarted: the connection says so, comes back, subscribes again, keeps the tree. */
class ReconnectTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void reconnectsAndResubscribesAfterTheBrokerComesBack(MqttVersion version) throws Exception {
		ConnectionProfile profile = ConnectionProfile.of(broker.host(), broker.port()).withVersion(version)
				.withSubscriptions(List.of("life/#"));
		List<State> states = new CopyOnWriteArrayList<>();
		try (BrokerConnection explorer = new BrokerConnection(profile, null, null, new TopicTree())) {
			explorer.addListener((connection, state, message) -> states.add(state));
			explorer.connect();
			explorer.publish(OutgoingMessage.of("life/before", new byte[] { 1 }, 1, false));
			Await.until("the first message", 5000, () -> explorer.tree().find("life/before") != null);

			broker.kill();
			Await.until("the loss to be noticed", 10_000, () -> explorer.state() == State.RECONNECTING);
			assertTrue(explorer.message().startsWith("The broker at " + broker.host() + ":" + broker.port()
					+ " went away (it closed the connection). Next try at "), explorer.message());
			broker.restart();
			Await.until("the reconnection", 20_000, () -> explorer.state() == State.CONNECTED);
			assertEquals(1, explorer.reconnects());

			// a message from another client proves the subscription is back
			ConnectionProfile other = ConnectionProfile.of(broker.host(), broker.port()).withSubscriptions(List.of("x"));
			try (BrokerConnection publisher = new BrokerConnection(other, null, null, new TopicTree())) {
				publisher.connect();
				Await.until("the new message", 10_000, () -> {
					try {
						publisher.publish(OutgoingMessage.of("life/after", new byte[] { 2 }, 1, false));
					} catch (Exception e) {
						throw new AssertionError(e);
					}
					return explorer.tree().find("life/after") != null;
				});
			}
			assertEquals(1, explorer.tree().find("life/before").messageCount(), "the tree kept its data");
			assertTrue(states.containsAll(List.of(State.CONNECTING, State.CONNECTED, State.RECONNECTING)), states.toString());
		}
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void saysWhenTheNextTryIsAndReconnectsAtOnceWhenAsked(MqttVersion version) throws Exception {
		ConnectionProfile profile = ConnectionProfile.of(broker.host(), broker.port()).withVersion(version)
				.withSubscriptions(List.of("life/#"));
		try (BrokerConnection explorer = new BrokerConnection(profile, null, null, new TopicTree())) {
			explorer.connect();
			assertEquals(0, explorer.nextTryAt(), "no try planned while connected");
			assertFalse(explorer.reconnectNow(), "nothing to do while connected");

			broker.kill();
			Await.until("the loss to be noticed", 10_000, () -> explorer.state() == State.RECONNECTING);
			long lostAt = System.currentTimeMillis();
			String message = explorer.message();
			assertFalse(message.contains("TLS"), message);
			Matcher time = Pattern.compile("Next try at (\\d\\d:\\d\\d:\\d\\d)\\.$").matcher(message);
			assertTrue(time.find(), message);
			long next = explorer.nextTryAt();
			assertTrue(next >= lostAt - 1000 && next <= lostAt + BrokerConnection.RECONNECT_MAX_S * 1000L, message);
			assertEquals(DateTimeFormatter.ofPattern("HH:mm:ss")
					.format(Instant.ofEpochMilli(next).atZone(ZoneId.systemDefault())), time.group(1));

			// the failed tries back off: wait until the next one is at least 6 s away
			Await.until("a next try 6 s away", 20_000, () -> explorer.nextTryAt() - System.currentTimeMillis() > 6000);
			assertTrue(explorer.message().startsWith("Connection to " + broker.host() + ":" + broker.port()
					+ " refused"), explorer.message());
			broker.restart();
			long waitLeft = explorer.nextTryAt() - System.currentTimeMillis();
			long asked = System.nanoTime();
			assertTrue(explorer.reconnectNow());
			Await.until("the reconnection", 5_000, () -> explorer.state() == State.CONNECTED);
			long tookMs = (System.nanoTime() - asked) / 1_000_000;
			assertTrue(tookMs < waitLeft, "reconnected in " + tookMs + " ms, the planned try was " + waitLeft + " ms off");
			assertEquals(1, explorer.reconnects());
			assertEquals(0, explorer.nextTryAt());
			System.out.println(version + ": Reconnect now took " + tookMs + " ms instead of waiting " + waitLeft + " ms");
		}
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void closedWhileReconnectingStaysClosed(MqttVersion version) throws Exception {
		String clientId = "closer" + version.ordinal();
		ConnectionProfile profile = new ConnectionProfile("id", null, broker.host(), broker.port(), false, null, null,
				null, null, clientId, version, 60, true, List.of(Subscription.of("x")));
		BrokerConnection explorer = new BrokerConnection(profile, null, null, new TopicTree());
		explorer.connect();
		broker.kill();
		Await.until("the loss to be noticed", 10_000, () -> explorer.state() == State.RECONNECTING);
		explorer.close();
		assertEquals(State.DISCONNECTED, explorer.state());
		broker.restart();
		// a client that still reconnected would take its id back from this one, again and again
		ConnectionProfile sameId = new ConnectionProfile("probe", null, broker.host(), broker.port(), false, null,
				null, null, null, clientId, version, 60, true, List.of(Subscription.of("x")));
		try (BrokerConnection probe = new BrokerConnection(sameId, null, null, new TopicTree())) {
			probe.connect();
			Thread.sleep(5_000); // longer than Paho's first reconnect delays (1 s, 2 s)
			assertEquals(State.CONNECTED, probe.state(), probe.message());
			assertEquals(0, probe.reconnects(), "the closed connection came back and took over the client id");
		}
		assertEquals(State.DISCONNECTED, explorer.state());
	}
}
