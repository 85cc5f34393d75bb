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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/**
 * Not a test: the local broker benchmark, run by {@code benchmarks/run local-broker} (its name keeps it out of
 * test runs). It times the local broker's start and stop, and the messages per second one Paho MQTT 3.1.1 client
 * gets through it to another at QoS 0 and QoS 1, with Debian's Mosquitto beside it under the same clients. Writes
 * {@code key=value} figures to the file named by {@value #OUT_PROPERTY}. Nothing is asserted.
 */
class LocalBrokerBenchmark {

	static final String OUT_PROPERTY = "mqttdevices.benchmark.out"; //$NON-NLS-1$
	private static final int CYCLES = 5;
	private static final byte[] PAYLOAD = "{\"value\": 512.0}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	@RegisterExtension
	final MosquittoBroker mosquitto = MosquittoBroker.anonymous();

	private final List<String> figures = new ArrayList<>();

	@Test
	void localBroker() throws Exception {
		LocalBroker broker = new LocalBroker();
		double[] starts = new double[CYCLES];
		double[] stops = new double[CYCLES];
		for (int i = 0; i < CYCLES; i++) {
			int port = LocalBrokerTest.freePort();
			long t0 = System.nanoTime();
			broker.start(LocalBrokerConfig.loopback(port));
			long t1 = System.nanoTime();
			broker.stop();
			starts[i] = (t1 - t0) / 1e6;
			stops[i] = (System.nanoTime() - t1) / 1e6;
		}
		figures.add(String.format(Locale.ROOT, "localbroker.start.first.ms=%.0f", starts[0]));
		figures.add(String.format(Locale.ROOT, "localbroker.start.median.ms=%.0f", median(starts)));
		figures.add(String.format(Locale.ROOT, "localbroker.stop.median.ms=%.0f", median(stops)));

		int port = LocalBrokerTest.freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		try {
			throughput("localbroker", port);
		} finally {
			broker.stop();
		}
		throughput("mosquitto", mosquitto.port());
		write();
	}

	private void throughput(String name, int port) throws MqttException, InterruptedException {
		rate(name + ".qos0", port, 0, 20_000);
		rate(name + ".qos1", port, 1, 5_000);
	}

	/** Publishes {@code count} messages one after another; the rate is arrivals over first publish to last arrival. */
	private void rate(String name, int port, int qos, int count) throws MqttException, InterruptedException {
		AtomicInteger received = new AtomicInteger();
		AtomicLong lastArrival = new AtomicLong();
		MqttClient subscriber = connect(port, "bench-sub");
		MqttClient publisher = connect(port, "bench-pub");
		try {
			subscriber.subscribe("bench/#", qos, (topic, message) -> {
				received.incrementAndGet();
				lastArrival.set(System.nanoTime());
			});
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				publisher.publish("bench/sensor", PAYLOAD, qos, false);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (received.get() < count && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(200); // late arrivals of a lossy QoS 0 run
			double seconds = (lastArrival.get() - start) / 1e9;
			figures.add(String.format(Locale.ROOT, "%s.msgs_per_s=%.0f", name, received.get() / seconds));
			figures.add(String.format(Locale.ROOT, "%s.delivered=%.3f", name, received.get() / (double) count));
		} finally {
			close(publisher);
			close(subscriber);
		}
	}

	private static MqttClient connect(int port, String clientId) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setMaxInflight(1000);
		client.connect(options);
		return client;
	}

	private static void close(MqttClient client) throws MqttException {
		if (client.isConnected()) {
			client.disconnect();
		}
		client.close();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private void write() throws IOException {
		String out = System.getProperty(OUT_PROPERTY);
		String text = String.join("\n", figures) + "\n";
		if (out == null) {
			System.out.print(text);
		} else {
			Files.writeString(Path.of(out), text);
		}
	}
}
