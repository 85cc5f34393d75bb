/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerListener;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;

/**
 * Large messages through the local broker into the explorer's model: a 1 MB and a 16 MB message arrive whole (the
 * default limit is MQTT's maximum); a message over a lowered limit is reported and its sender disconnected.
 */
class LocalBrokerMessageSizeTest {

	private final LocalBroker broker = new LocalBroker();
	private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (AutoCloseable c : closing) {
			c.close();
		}
		broker.stop();
	}

	@Test
	void oneAndSixteenMegabyteMessagesReachTheExplorersTree() throws Exception {
		int port = LocalBrokerTest.freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		TopicTree tree = new TopicTree();
		BrokerConnection explorer = new BrokerConnection(broker.defaultProfile().orElseThrow(), null, null, tree);
		closing.add(explorer);
		explorer.connect();
		MqttClient publisher = publisher(port, "camera");

		for (int size : new int[] { 1024 * 1024, 16 * 1024 * 1024 }) {
			byte[] payload = new byte[size];
			new Random(size).nextBytes(payload);
			String topic = "home/camera/" + size;
			long start = System.nanoTime();
			publisher.publish(topic, payload, 1, false);
			waitUntil(() -> tree.find(topic) != null && tree.find(topic).lastMessage() != null,
					"the " + size + "-byte message in the explorer's tree");
			long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			TopicNode node = tree.find(topic);
			TopicMessage arrived = node.lastMessage();
			assertNotNull(arrived);
			assertArrayEquals(payload, arrived.payload(), "the payload of " + size + " bytes, whole");
			System.out.println("Local broker: " + size + " bytes from publish to the explorer's tree in " + ms + " ms");
		}
	}

	@Test
	void defaultLimitIsTheMqttMaximum() {
		assertEquals(268_435_455, LocalBrokerConfig.loopback(1883).maxMessageBytes());
		assertEquals(268_435_455, LocalBrokerConfig.MQTT_MAX_MESSAGE_BYTES);
		assertTrue(LocalBrokerConfig.loopback(1883).withMaxMessageBytes(0).problem().contains("largest message"));
		assertTrue(LocalBrokerConfig.loopback(1883).withMaxMessageBytes(268_435_456).problem()
				.contains("largest message"));
	}

	@Test
	void aMessageOverALoweredLimitIsReportedAndDoesNotArrive() throws Exception {
		int port = LocalBrokerTest.freePort();
		int limit = 64 * 1024;
		BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
		broker.addListener(new LocalBrokerListener() {
			@Override
			public void statusChanged(LocalBrokerStatus status) {
			}

			@Override
			public void messageRefused(String message) {
				refusals.add(message);
			}
		});
		broker.start(LocalBrokerConfig.loopback(port).withMaxMessageBytes(limit));
		TopicTree tree = new TopicTree();
		BrokerConnection explorer = new BrokerConnection(broker.defaultProfile().orElseThrow(), null, null, tree);
		closing.add(explorer);
		explorer.connect();

		MqttClient small = publisher(port, "esp32_small");
		small.publish("home/esp32_small", new byte[limit - 100], 1, false);
		waitUntil(() -> tree.find("home/esp32_small") != null, "the message under the limit");
		assertNull(refusals.poll(), "nothing refused under the limit");

		MqttClient big = publisher(port, "esp32_big");
		try {
			big.publish("home/esp32_big", new byte[100_000], 0, false);
		} catch (MqttException e) {
			// the broker closed the connection while the message was sent
		}
		String refusal = refusals.poll(10, TimeUnit.SECONDS);
		assertNotNull(refusal, "the refusal reported");
		assertEquals("The local broker refused a message of 100,016 bytes from esp32_big and closed that connection:"
				+ " its limit is 65,536 bytes (Preferences > MQTT Devices > Local Broker).", refusal);
		waitUntil(() -> !big.isConnected(), "the sender disconnected");
		Thread.sleep(500);
		assertNull(tree.find("home/esp32_big"), "the refused message did not arrive");
		assertTrue(small.isConnected(), "other clients stay connected");
		System.out.println("Refusal reported: " + refusal);
	}

	private MqttClient publisher(int port, String clientId) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setConnectionTimeout(5);
		client.setTimeToWait(30_000);
		client.connect(options);
		closing.add(() -> {
			if (client.isConnected()) {
				client.disconnectForcibly(1000, 1000);
			}
			client.close(true);
		});
		return client;
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(20);
		}
	}
}
