/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

/**
 * Paho alone, as the explorer uses it (same MQTT version, subscription QoS 1, buffered socket) but with a callback
 * that only counts: how fast the library itself takes a flood in on this machine, the ceiling for anything built on
 * it. Its messages pass from Paho's receiver thread to its callback thread one by one through a 10-message queue
 * with wait/notify.
 */
final class BarePaho implements AutoCloseable {

	final AtomicLong count = new AtomicLong();
	final AtomicLong first = new AtomicLong();
	final AtomicLong last = new AtomicLong();
	private final AutoCloseable client;

	private BarePaho(int port, boolean v5) throws Exception {
		client = v5 ? v5(port) : v3(port);
	}

	static BarePaho connect(int port, boolean v5) throws Exception {
		return new BarePaho(port, v5);
	}

	private void arrived() {
		long now = System.nanoTime();
		if (count.getAndIncrement() == 0) {
			first.set(now);
		}
		last.set(now);
	}

	private AutoCloseable v5(int port) throws Exception {
		var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient("tcp://127.0.0.1:" + port, "bench-paho",
				new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
		client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
			@Override
			public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
				arrived();
			}

			@Override
			public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
			}

			@Override
			public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
			}

			@Override
			public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
			}

			@Override
			public void connectComplete(boolean reconnect, String serverUri) {
			}

			@Override
			public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
			}
		});
		var options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
		options.setSocketFactory(new Buffered());
		client.connect(options).waitForCompletion(10_000);
		client.subscribe("bench/#", 1).waitForCompletion(10_000);
		return () -> {
			client.disconnect().waitForCompletion(5000);
			client.close();
		};
	}

	private AutoCloseable v3(int port) throws Exception {
		var client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient("tcp://127.0.0.1:" + port, "bench-paho",
				new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
		client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
			@Override
			public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
				arrived();
			}

			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
			}
		});
		var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
		options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setSocketFactory(new Buffered());
		client.connect(options).waitForCompletion(10_000);
		client.subscribe("bench/#", 1).waitForCompletion(10_000);
		return () -> {
			client.disconnect().waitForCompletion(5000);
			client.close();
		};
	}

	@Override
	public void close() throws Exception {
		client.close();
	}

	/** Plain TCP with buffered input, as the explorer's connection has (Paho reads headers byte by byte). */
	private static final class Buffered extends SocketFactory {

		@Override
		public Socket createSocket() {
			return new Socket() {
				private InputStream in;

				@Override
				public synchronized InputStream getInputStream() throws IOException {
					if (in == null) {
						in = new BufferedInputStream(super.getInputStream(), 64 * 1024);
					}
					return in;
				}
			};
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			Socket socket = createSocket();
			socket.connect(new InetSocketAddress(host, port));
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return createSocket(host, port);
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			Socket socket = createSocket();
			socket.connect(new InetSocketAddress(host, port));
			return socket;
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return createSocket(address, port);
		}
	}
}
