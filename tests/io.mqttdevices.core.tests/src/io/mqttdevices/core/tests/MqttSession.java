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

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import io.mqttdevices.core.mqtt.MqttSettings;

/**
 * A test's own MQTT 5 connection to a broker through Paho, apart from the explorer's (to check what reached the broker). Every message of every subscription goes to the one listener
 * given at connect time. Every blocking call waits at most {@link #TIMEOUT_MS}.
 */
public final class MqttSession implements AutoCloseable {

	public static final long TIMEOUT_MS = 10_000;

	private final MqttAsyncClient client;

	private MqttSession(MqttAsyncClient client) {
		this.client = client;
	}

	/** Connects, or throws Paho's exception (its reason code tells refused, bad credentials, unreachable). */
	public static MqttSession connect(MqttSettings settings, MqttMessageListener listener) throws MqttException {
		MqttAsyncClient client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
		client.setCallback(new Callback(listener));
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setCleanStart(true);
		options.setConnectionTimeout((int) (TIMEOUT_MS / 1000));
		if (settings.username() != null) {
			options.setUserName(settings.username());
		}
		if (settings.password() != null) {
			options.setPassword(new String(settings.password()).getBytes(StandardCharsets.UTF_8));
		}
		try {
			client.connect(options).waitForCompletion(TIMEOUT_MS);
		} catch (MqttException e) {
			client.close(true);
			throw e;
		}
		return new MqttSession(client);
	}

	public boolean isConnected() {
		return client.isConnected();
	}

	public void subscribe(String filter, int qos) throws MqttException {
		IMqttToken token = client.subscribe(new MqttSubscription(filter, qos));
		token.waitForCompletion(TIMEOUT_MS);
	}

	public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
		MqttMessage message = new MqttMessage(payload, qos, retained, null);
		client.publish(topic, message).waitForCompletion(TIMEOUT_MS);
	}

	@Override
	public void close() throws MqttException {
		try {
			if (client.isConnected()) {
				client.disconnect().waitForCompletion(TIMEOUT_MS);
			}
		} finally {
			client.close(true);
		}
	}

	/** Forwards arrivals to the session's listener; the rest of Paho's callbacks are not needed yet. */
	private record Callback(MqttMessageListener listener) implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			listener.messageArrived(topic, message.getPayload(), message.isRetained());
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
