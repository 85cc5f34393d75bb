/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** Our MQTT session against a real Mosquitto: round trips, retained messages, credentials, a broker that dies. */
class MqttSessionTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.anonymous();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	record Received(String topic, byte[] payload, boolean retained) {
	}

	@Test
	void publishedMessageComesBackThroughTheBroker() throws Exception {
		try (MqttSession session = connect("round-trip")) {
			session.subscribe("home/#", 1);
			session.publish("home/esp8266_deadbeef", "512".getBytes(StandardCharsets.UTF_8), 1, false);

			Received message = next();
			assertEquals("home/esp8266_deadbeef", message.topic());
			assertEquals("512", new String(message.payload(), StandardCharsets.UTF_8));
			assertFalse(message.retained());
		}
	}

	@Test
	void retainedMessageReachesALaterSubscriberMarkedRetained() throws Exception {
		byte[] binary = { 0, 1, 2, (byte) 0xff, '\n' };
		try (MqttSession publisher = connect("publisher")) {
			publisher.publish("home/sensor/availability", binary, 1, true);
		}
		try (MqttSession subscriber = connect("subscriber")) {
			subscriber.subscribe("home/sensor/+", 0);
			Received message = next();
			assertEquals("home/sensor/availability", message.topic());
			assertArrayEquals(binary, message.payload());
			assertTrue(message.retained());
		}
	}

	@Test
	void messagesOutsideTheFilterDoNotArrive() throws Exception {
		try (MqttSession session = connect("filter")) {
			session.subscribe("home/+/temperature", 0);
			session.publish("garden/x/temperature", new byte[] { '1' }, 1, false);
			session.publish("home/kitchen/temperature", new byte[] { '2' }, 1, false);
			assertEquals("home/kitchen/temperature", next().topic());
			assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS));
		}
	}

	@Test
	void deadBrokerRefusesAndARestartedOneAccepts() throws Exception {
		broker.kill();
		assertFalse(broker.isRunning());
		assertThrows(MqttException.class, () -> connect("refused"));

		broker.restart();
		try (MqttSession session = connect("after-restart")) {
			assertTrue(session.isConnected());
		}
	}

	private MqttSession connect(String clientId) throws MqttException {
		return MqttSession.connect(MqttSettings.of(broker.host(), broker.port(), clientId),
				(topic, payload, retained) -> received.add(new Received(topic, payload, retained)));
	}

	private Received next() throws InterruptedException {
		Received message = received.poll(5, TimeUnit.SECONDS);
		assertNotNull(message, "no message arrived within 5 s");
		return message;
	}
}
