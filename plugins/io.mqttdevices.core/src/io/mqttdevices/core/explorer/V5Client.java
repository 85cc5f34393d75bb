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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

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

/** Paho's MQTT 5 client behind {@link ClientAdapter}: user properties, content type and expiry both ways. */
final class V5Client implements ClientAdapter {

	private final Events events;
	private MqttAsyncClient client;
	private MqttConnectionOptions options;

	V5Client(Events events) {
		this.events = events;
	}

	@Override
	public void connect(ConnectionProfile profile, char[] password, SSLSocketFactory tls, long timeoutMs)
			throws MqttException {
		client = new MqttAsyncClient(profile.serverUri(), ClientIds.of(profile), new MemoryPersistence());
		client.setCallback(new Callback());
		options = new MqttConnectionOptions();
		options.setCleanStart(profile.cleanStart());
		options.setKeepAliveInterval(profile.keepAliveSeconds());
		options.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
		// the connection reconnects itself (Reconnector), so that it can say when and try again at once
		options.setAutomaticReconnect(false);
		if (profile.username() != null) {
			options.setUserName(profile.username());
		}
		if (password != null && password.length > 0) {
			options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
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
	 * Ends a connect that failed or is still waiting for CONNACK (a silent broker): a plain disconnect would quiesce
	 * for Paho's default 30 s first, so the connection is shut down without a DISCONNECT, and the client closed.
	 */
	private void abandon() {
		ClientClosing.quietly(() -> client.disconnectForcibly(0, 0, false));
		ClientClosing.quietly(() -> client.close(true));
	}

	@Override
	public void subscribe(List<String> filters, int qos, long timeoutMs) throws MqttException {
		IMqttToken token = client.subscribe(subscriptions(filters, qos));
		token.waitForCompletion(timeoutMs);
		int[] codes = token.getReasonCodes();
		for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
			if (codes[i] >= 0x80) {
				throw new MqttException(codes[i]);
			}
		}
	}

	@Override
	public void unsubscribe(List<String> filters, long timeoutMs) throws MqttException {
		client.unsubscribe(filters.toArray(new String[0])).waitForCompletion(timeoutMs);
	}

	@Override
	public void publish(OutgoingMessage message, long timeoutMs) throws MqttException {
		MqttProperties properties = new MqttProperties();
		properties.setContentType(message.contentType());
		if (message.expirySeconds() != null) {
			properties.setMessageExpiryInterval(message.expirySeconds());
		}
		List<org.eclipse.paho.mqttv5.common.packet.UserProperty> user = new ArrayList<>();
		for (TopicMessage.UserProperty p : message.userProperties()) {
			user.add(new org.eclipse.paho.mqttv5.common.packet.UserProperty(p.key(), p.value()));
		}
		properties.setUserProperties(user);
		MqttMessage out = new MqttMessage(message.payload(), message.qos(), message.retained(), properties);
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
		ClientClosing.quietly(() -> client.disconnect().waitForCompletion(timeoutMs));
		ClientClosing.close(() -> client.close(true));
	}

	private static MqttSubscription[] subscriptions(List<String> filters, int qos) {
		MqttSubscription[] subs = new MqttSubscription[filters.size()];
		for (int i = 0; i < subs.length; i++) {
			subs[i] = new MqttSubscription(filters.get(i), qos);
			// live messages keep the retain flag they were published with, not only those sent from the store
			subs[i].setRetainAsPublished(true);
		}
		return subs;
	}

	static TopicMessage toTopicMessage(MqttMessage message, long now) {
		MqttProperties properties = message.getProperties();
		if (properties == null) {
			return TopicMessage.of(message.getPayload(), message.getQos(), message.isRetained(), now);
		}
		List<org.eclipse.paho.mqttv5.common.packet.UserProperty> received = properties.getUserProperties();
		List<TopicMessage.UserProperty> user = received.isEmpty() ? List.of() : new ArrayList<>(received.size());
		for (org.eclipse.paho.mqttv5.common.packet.UserProperty p : received) {
			user.add(new TopicMessage.UserProperty(p.getKey(), p.getValue()));
		}
		return new TopicMessage(message.getPayload(), message.getQos(), message.isRetained(), now,
				properties.getContentType(), user, properties.getMessageExpiryInterval());
	}

	/** Hands Paho's events to the connection; runs on Paho's callback thread. */
	private final class Callback implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			events.messageArrived(topic, toTopicMessage(message, System.currentTimeMillis()));
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
			events.lost(response.getException());
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
			events.connected(reconnect);
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}
	}
}
