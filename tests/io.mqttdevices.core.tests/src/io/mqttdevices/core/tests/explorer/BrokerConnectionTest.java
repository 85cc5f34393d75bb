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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionException;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicMessage.UserProperty;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The explorer's connection against a real Mosquitto: receive into the tree, publish, delete retained. */
class BrokerConnectionTest {

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.anonymous();

	private final java.util.List<BrokerConnection> open = new java.util.ArrayList<>();

	@AfterEach
	void closeAll() {
		open.forEach(BrokerConnection::close);
	}

	private BrokerConnection connect(MqttVersion version, List<String> subscriptions) throws ConnectionException {
		ConnectionProfile profile = ConnectionProfile.of(BROKER.host(), BROKER.port()).withVersion(version)
				.withSubscriptions(subscriptions);
		BrokerConnection connection = new BrokerConnection(profile, null, null, new TopicTree());
		open.add(connection);
		connection.connect();
		return connection;
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void messagesArriveInTheTreeWithCountsAndRetainedFlag(MqttVersion version) throws Exception {
		String base = "recv" + version.ordinal();
		BrokerConnection publisher = connect(version, List.of("none/at/all"));
		publisher.publish(OutgoingMessage.of(base + "/dev/state", utf8("online"), 1, true));

		BrokerConnection explorer = connect(version, List.of(base + "/#"));
		TopicTree tree = explorer.tree();
		Await.until("the retained message", 5000, () -> tree.find(base + "/dev/state") != null);
		assertTrue(tree.find(base + "/dev/state").isRetained());

		for (int i = 0; i < 5; i++) {
			publisher.publish(OutgoingMessage.of(base + "/dev/temp", utf8("2" + i), 1, false));
		}
		publisher.publish(OutgoingMessage.of(base + "/other", utf8("x"), 0, false));
		Await.until("7 messages", 5000, () -> tree.root().totalCount() == 7);
		assertEquals(6, tree.find(base + "/dev").totalCount());
		assertEquals(5, tree.find(base + "/dev/temp").messageCount());
		assertFalse(tree.find(base + "/dev/temp").isRetained());
		assertEquals("24", new String(tree.find(base + "/dev/temp").lastMessage().payload(), StandardCharsets.UTF_8));
		assertEquals(BrokerConnection.State.CONNECTED, explorer.state());
		publisher.deleteRetained(List.of(base + "/dev/state"));
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void publishRoundTripsWithQos(MqttVersion version) throws Exception {
		String topic = "round" + version.ordinal() + "/trip";
		BrokerConnection connection = connect(version, List.of(topic));
		connection.publish(OutgoingMessage.of(topic, utf8("hello"), 2, false));
		Await.until("the message back", 5000, () -> connection.tree().find(topic) != null);
		TopicMessage back = connection.tree().find(topic).lastMessage();
		assertArrayEquals(utf8("hello"), back.payload());
		assertEquals(1, back.qos(), "delivered at the subscription's QoS 1");
	}

	@Test
	void deleteRetainedClearsASubtreeOnTheBroker() throws Exception {
		BrokerConnection explorer = connect(MqttVersion.V5, List.of("del/#"));
		explorer.publish(OutgoingMessage.of("del/a/x", utf8("1"), 1, true));
		explorer.publish(OutgoingMessage.of("del/a/y", utf8("2"), 1, true));
		explorer.publish(OutgoingMessage.of("del/b", utf8("3"), 1, true));
		Await.until("3 messages", 5000, () -> explorer.tree().root().totalCount() == 3);
		// the live copies are not flagged retained; a fresh subscriber sees what the broker keeps
		BrokerConnection fresh = connect(MqttVersion.V5, List.of("del/#"));
		Await.until("3 retained", 5000, () -> fresh.tree().retainedTopics(fresh.tree().root()).size() == 3);

		assertEquals(2, fresh.deleteRetained(fresh.tree().find("del/a")));

		BrokerConnection after = connect(MqttVersion.V5, List.of("del/#"));
		Await.until("del/b retained", 5000, () -> after.tree().find("del/b") != null);
		Thread.sleep(300);
		assertEquals(List.of("del/b"), after.tree().retainedTopics(after.tree().root()));
		assertEquals(null, after.tree().find("del/a"));
		fresh.deleteRetained(List.of("del/b"));
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void oneMegabytePayloadArrivesWhole(MqttVersion version) throws Exception {
		String topic = "big" + version.ordinal();
		byte[] payload = new byte[1024 * 1024];
		new Random(42).nextBytes(payload);
		BrokerConnection connection = connect(version, List.of(topic));
		connection.publish(OutgoingMessage.of(topic, payload, 1, false));
		Await.until("the megabyte", 10_000, () -> connection.tree().find(topic) != null);
		assertArrayEquals(payload, connection.tree().find(topic).lastMessage().payload());
	}

	@Test
	void mqtt5PropertiesArrive() throws Exception {
		BrokerConnection connection = connect(MqttVersion.V5, List.of("props/#"));
		List<UserProperty> user = List.of(new UserProperty("unit", "°C"), new UserProperty("sensor", "dht22"),
				new UserProperty("unit", "again"));
		connection.publish(new OutgoingMessage("props/t", utf8("{\"t\":21.5}"), 1, false, "application/json", user,
				3600L));
		Await.until("the message", 5000, () -> connection.tree().find("props/t") != null);
		TopicMessage m = connection.tree().find("props/t").lastMessage();
		assertEquals("application/json", m.contentType());
		assertEquals(user, m.userProperties());
		assertTrue(m.expirySeconds() != null && m.expirySeconds() > 3590 && m.expirySeconds() <= 3600,
				"expiry " + m.expirySeconds());
	}

	@Test
	void mqtt3RefusesPropertiesWithAClearMessage() throws Exception {
		BrokerConnection connection = connect(MqttVersion.V3_1_1, List.of("v3/#"));
		ConnectionException error = assertThrows(ConnectionException.class,
				() -> connection.publish(new OutgoingMessage("v3/x", utf8("1"), 0, false, "text/plain", List.of(),
						null)));
		assertTrue(error.getMessage().contains("MQTT 5"), error.getMessage());
	}

	@Test
	void subscriptionsChangeWhileConnected() throws Exception {
		BrokerConnection publisher = connect(MqttVersion.V5, List.of("nothing"));
		BrokerConnection explorer = connect(MqttVersion.V5, List.of("subs/a/#"));
		publisher.publish(OutgoingMessage.of("subs/b/1", utf8("1"), 1, false));
		publisher.publish(OutgoingMessage.of("subs/a/1", utf8("1"), 1, false));
		Await.until("subs/a/1", 5000, () -> explorer.tree().find("subs/a/1") != null);
		assertEquals(null, explorer.tree().find("subs/b/1"));

		explorer.setSubscriptions(List.of(Subscription.of("subs/b/#")));
		assertEquals(List.of("subs/b/#"), explorer.filters());
		publisher.publish(OutgoingMessage.of("subs/a/2", utf8("2"), 1, false));
		publisher.publish(OutgoingMessage.of("subs/b/2", utf8("2"), 1, false));
		Await.until("subs/b/2", 5000, () -> explorer.tree().find("subs/b/2") != null);
		Thread.sleep(200);
		assertEquals(null, explorer.tree().find("subs/a/2"), "unsubscribed filter no longer delivers");
	}

	@Test
	void twoConnectionsAtOnceEachFillTheirOwnTree() throws Exception {
		BrokerConnection v5 = connect(MqttVersion.V5, List.of("two/#"));
		BrokerConnection v3 = connect(MqttVersion.V3_1_1, List.of("two/x"));
		v5.publish(OutgoingMessage.of("two/x", utf8("1"), 1, false));
		v3.publish(OutgoingMessage.of("two/y", utf8("2"), 1, false));
		Await.until("both in the v5 tree", 5000, () -> v5.tree().root().totalCount() == 2);
		Await.until("one in the v3 tree", 5000, () -> v3.tree().root().totalCount() == 1);
		TopicNode x = v3.tree().find("two/x");
		assertEquals(1, x.messageCount());
		assertTrue(v5.tree() != v3.tree());
	}

	@Test
	void publishWhenNotConnectedSaysSo() {
		ConnectionProfile profile = ConnectionProfile.of(BROKER.host(), BROKER.port());
		BrokerConnection connection = new BrokerConnection(profile, null, null, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class,
				() -> connection.publish(OutgoingMessage.of("a", utf8("1"), 0, false)));
		assertTrue(error.getMessage().startsWith("Not connected"), error.getMessage());
	}
}
