/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Paho's MQTT 3.1.1 client behind {@link ClientAdapter}; MQTT 5 properties are refused, not dropped. */
final class V3Client implements ClientAdapter {

	private final Events events;
	private MqttAsyncClient client;
	private MqttConnectOptions options;

	V3Client(Events events) {
		this.events = events;
	}

	@Override
	public void connect(ConnectionProfile profile, char[] password, SSLSocketFactory tls, long timeoutMs)
			throws MqttException {
		client = new MqttAsyncClient(profile.serverUri(), ClientIds.of(profile), new MemoryPersistence());
		client.setCallback(new Callback());
		options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(profile.cleanStart());
		options.setKeepAliveInterval(profile.keepAliveSeconds());
		options.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
		// the connection reconnects itself (Reconnector), so that it can say when and try again at once
		options.setAutomaticReconnect(false);
		options.setMaxInflight(1000);
		if (profile.username() != null) {
			options.setUserName(profile.username());
		}
		if (password != null && password.length > 0) {
			options.setPassword(password);
		}
		options.setSocketFactory(tls != null ? tls : new BufferedSockets());
		try {
			client.connect(options).waitForCompletion(timeoutMs);
		} catch (MqttException e) {
			abandon();
			throw e;
		}
	}

	@Override
	public void reconnect(long timeoutMs) throws MqttException {
		try {
			client.connect(options).waitForCompletion(timeoutMs);
		} catch (MqttException e) {
			if (ConnectionErrors.reasonCode(e) == ConnectionErrors.PAHO_TIMEOUT) {
				// a broker that took the TCP connection but never answered leaves the client connecting: end that
				ClientClosing.quietly(() -> client.disconnectForcibly(0, 0, false));
			}
			throw e;
		}
	}

	/**
	 * Ends a connect that failed or is still waiting for CONNACK (a silent broker): a plain disconnect would wait
	 * forever to send its DISCONNECT, so the connection is shut down without it, and the client closed.
	 */
	private void abandon() {
		ClientClosing.quietly(() -> client.disconnectForcibly(0, 0, false));
		ClientClosing.quietly(() -> client.close(true));
	}

	@Override
	public void subscribe(List<String> filters, int qos, long timeoutMs) throws MqttException {
		IMqttToken token = client.subscribe(filters.toArray(new String[0]), qosArray(filters.size(), qos));
		token.waitForCompletion(timeoutMs);
		for (int granted : token.getGrantedQos()) {
			if (granted == 0x80) {
				throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
			}
		}
	}

	@Override
	public void unsubscribe(List<String> filters, long timeoutMs) throws MqttException {
		client.unsubscribe(filters.toArray(new String[0])).waitForCompletion(timeoutMs);
	}

	@Override
	public void publish(OutgoingMessage message, long timeoutMs) throws MqttException {
		if (message.hasProperties()) {
			throw new IllegalArgumentException(
					"Content type, user properties and expiry need MQTT 5; this connection speaks MQTT 3.1.1."); //$NON-NLS-1$
		}
		MqttMessage out = new MqttMessage(message.payload());
		out.setQos(message.qos());
		out.setRetained(message.retained());
		client.publish(message.topic(), out).waitForCompletion(timeoutMs);
	}

	@Override
	public boolean isConnected() {
		return client != null && client.isConnected();
	}

	@Override
	public void close(long timeoutMs) {
		if (client == null) {
			return;
		}
		// also stops Paho's reconnect cycle when the broker is away; not connected: closing anyway
		ClientClosing.quietly(() -> client.disconnect(timeoutMs).waitForCompletion(timeoutMs));
		ClientClosing.close(() -> client.close(true));
	}

	private static int[] qosArray(int size, int qos) {
		int[] result = new int[size];
		java.util.Arrays.fill(result, qos);
		return result;
	}

	/** Hands Paho's events to the connection; runs on Paho's callback thread. */
	private final class Callback implements MqttCallbackExtended {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			events.messageArrived(topic, TopicMessage.of(message.getPayload(), message.getQos(), message.isRetained(),
					System.currentTimeMillis()));
		}

		@Override
		public void connectionLost(Throwable cause) {
			events.lost(cause);
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
			events.connected(reconnect);
		}
	}
}
