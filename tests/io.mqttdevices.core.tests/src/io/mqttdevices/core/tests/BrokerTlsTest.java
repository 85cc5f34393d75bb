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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The TLS variant of the broker fixture, through Paho directly: trusted CA works, default trust fails. */
class BrokerTlsTest {

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.withTls();

	@Test
	void clientTrustingTheTestCaRoundTripsOverTls() throws Exception {
		SSLContext tls = BROKER.certificates().trustingContext();
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setSocketFactory(tls.getSocketFactory());
		MqttClient client = new MqttClient(BROKER.serverUri(), "tls-client", new MemoryPersistence());
		try {
			CompletableFuture<byte[]> arrived = new CompletableFuture<>();
			client.setCallback(new ArrivalCallback(arrived));
			client.connect(options);
			client.subscribe("secure/#", 1);
			client.publish("secure/x", new byte[] { 4, 2 }, 1, false);
			assertArrayEquals(new byte[] { 4, 2 }, arrived.get(5, TimeUnit.SECONDS));
			client.disconnect();
		} finally {
			client.close();
		}
	}

	@Test
	void clientWithDefaultTrustRejectsTheTestCertificate() throws Exception {
		assertTrue(BROKER.serverUri().startsWith("ssl://"));
		MqttClient client = new MqttClient(BROKER.serverUri(), "untrusting", new MemoryPersistence());
		try {
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setConnectionTimeout(5);
			assertThrows(MqttException.class, () -> client.connect(options));
		} finally {
			client.close();
		}
	}

	/** Completes the future with the first payload that arrives. */
	private record ArrivalCallback(CompletableFuture<byte[]> arrived) implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			arrived.complete(message.getPayload());
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}
	}
}
