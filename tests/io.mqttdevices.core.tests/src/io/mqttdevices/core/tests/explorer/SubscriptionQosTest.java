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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.BrokerConnection.State;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.ProfileJson;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/**
 * Each subscription's own QoS, against a real Mosquitto: a message comes at the lower of the subscription's QoS and
 * the publisher's, on connect, after a change while connected and after a reconnect; profiles keep the QoS.
 */
class SubscriptionQosTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	private final List<BrokerConnection> open = new ArrayList<>();

	@AfterEach
	void closeAll() {
		open.forEach(BrokerConnection::close);
	}

	private BrokerConnection connect(ConnectionProfile profile) throws Exception {
		BrokerConnection connection = new BrokerConnection(profile, null, null, new TopicTree());
		open.add(connection);
		connection.connect();
		return connection;
	}

	private BrokerConnection publisher() throws Exception {
		return connect(ConnectionProfile.of(broker.host(), broker.port()).withSubscriptions(List.of("nothing")));
	}

	private static void publish(BrokerConnection publisher, String topic, int qos) throws Exception {
		publisher.publish(OutgoingMessage.of(topic, topic.getBytes(StandardCharsets.UTF_8), qos, false));
	}

	private static int arrivedQos(BrokerConnection explorer, String topic) throws InterruptedException {
		Await.until(topic, 5000, () -> explorer.tree().find(topic) != null
				&& explorer.tree().find(topic).lastMessage() != null);
		return explorer.tree().find(topic).lastMessage().qos();
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void eachFilterGetsItsQos(MqttVersion version) throws Exception {
		BrokerConnection explorer = connect(ConnectionProfile.of(broker.host(), broker.port()).withVersion(version)
				.withSubscriptions(new Subscription("low/#", 0), new Subscription("high/#", 2),
						Subscription.of("mid/#")));
		BrokerConnection publisher = publisher();
		publish(publisher, "low/t", 1);
		publish(publisher, "high/t", 1);
		publish(publisher, "high/u", 2);
		publish(publisher, "mid/u", 2);
		assertEquals(0, arrivedQos(explorer, "low/t"), "QoS 1 published, QoS 0 subscribed");
		assertEquals(1, arrivedQos(explorer, "high/t"), "QoS 1 published, QoS 2 subscribed: the lower");
		assertEquals(2, arrivedQos(explorer, "high/u"));
		assertEquals(1, arrivedQos(explorer, "mid/u"), "the default QoS 1");
	}

	@Test
	void changingTheQosOfAFilterWhileConnectedSubscribesAgain() throws Exception {
		BrokerConnection explorer = connect(ConnectionProfile.of(broker.host(), broker.port())
				.withSubscriptions(new Subscription("q/#", 0)));
		BrokerConnection publisher = publisher();
		publish(publisher, "q/before", 2);
		assertEquals(0, arrivedQos(explorer, "q/before"));
		explorer.setSubscriptions(List.of(new Subscription("q/#", 2)));
		assertEquals(List.of(new Subscription("q/#", 2)), explorer.subscriptions());
		publish(publisher, "q/after", 2);
		assertEquals(2, arrivedQos(explorer, "q/after"));
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void theQosSurvivesAReconnect(MqttVersion version) throws Exception {
		BrokerConnection explorer = connect(ConnectionProfile.of(broker.host(), broker.port()).withVersion(version)
				.withSubscriptions(new Subscription("low/#", 0), new Subscription("high/#", 2)));
		broker.kill();
		Await.until("the loss", 10_000, () -> explorer.state() == State.RECONNECTING);
		broker.restart();
		Await.until("the reconnection", 20_000, () -> explorer.state() == State.CONNECTED);
		BrokerConnection publisher = publisher();
		// the resubscription is sent without waiting: publish until it is in place
		Await.until("both subscriptions back", 10_000, () -> {
			try {
				publish(publisher, "low/t", 2);
				publish(publisher, "high/t", 2);
			} catch (Exception e) {
				throw new AssertionError(e);
			}
			return explorer.tree().find("low/t") != null && explorer.tree().find("high/t") != null;
		});
		assertEquals(0, explorer.tree().find("low/t").lastMessage().qos());
		assertEquals(2, explorer.tree().find("high/t").lastMessage().qos());
	}

	@Test
	void profilesKeepTheQosAndOldOnesLoadWithQos1() {
		ConnectionProfile profile = ConnectionProfile.of("h", 1883).withSubscriptions(new Subscription("a/#", 0),
				new Subscription("b/#", 2), Subscription.of("c"));
		String json = ProfileJson.write(List.of(profile));
		assertEquals(List.of(profile), ProfileJson.read(json));
		ConnectionProfile imported = ProfileJson.readAsNew(json).get(0);
		assertEquals(profile.subscriptions(), imported.subscriptions());

		String old = "{\"format\": \"" + ProfileJson.FORMAT
				+ "\", \"profiles\": [{\"host\": \"h\", \"port\": 1883, \"subscriptions\": [\"home/#\", \"x\"]}]}";
		assertEquals(List.of(new Subscription("home/#", 1), new Subscription("x", 1)),
				ProfileJson.read(old).get(0).subscriptions());

		String badQos = "{\"format\": \"" + ProfileJson.FORMAT + "\", \"profiles\": [{\"host\": \"h\", \"port\": 1,"
				+ " \"subscriptions\": [{\"filter\": \"a\", \"qos\": 3}]}]}";
		assertEquals("Profile 1: the QoS of a must be 0, 1 or 2, not 3",
				assertThrows(IllegalArgumentException.class, () -> ProfileJson.read(badQos)).getMessage());
		String noFilter = "{\"format\": \"" + ProfileJson.FORMAT + "\", \"profiles\": [{\"host\": \"h\", \"port\": 1,"
				+ " \"subscriptions\": [{\"qos\": 1}]}]}";
		assertEquals("Profile 1 has a subscription without a filter: {\"qos\":1}",
				assertThrows(IllegalArgumentException.class, () -> ProfileJson.read(noFilter)).getMessage());
	}

	@Test
	void textFormReadsTheQosAfterTheFilter() {
		assertEquals(new Subscription("home/#", 0), Subscription.parse("  home/#   qos=0 "));
		assertEquals(new Subscription("home/#", 2), Subscription.parse("home/# QoS = 2"));
		assertEquals(new Subscription("home/#", 1), Subscription.parse("home/#"));
		assertEquals(new Subscription("a b", 1), Subscription.parse("a b"));
		assertEquals(Subscription.parse("x/+ qos=2"), Subscription.parse(new Subscription("x/+", 2).toString()));
		assertEquals("The QoS of home/# must be 0, 1 or 2, not '3'",
				assertThrows(IllegalArgumentException.class, () -> Subscription.parse("home/# qos=3")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> new Subscription("a", -1));
	}
}
