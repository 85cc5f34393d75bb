/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.templates;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.common.MqttException;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.tests.MqttSession;

/** Every message on the broker ({@code #}), by topic, for a test to wait for. */
final class TopicRecorder implements AutoCloseable {

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();
	private final MqttSession session;

	TopicRecorder(MqttSettings settings) throws MqttException {
		session = MqttSession.connect(settings, (topic, payload, retained) -> received
				.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new String(payload, StandardCharsets.UTF_8)));
		session.subscribe("#", 1);
	}

	Map<String, List<String>> received() {
		return received;
	}

	/** The n-th payload on the topic, waiting at most 15 s, else fails with what came and the device's output. */
	String awaitNth(String topic, int n, HostDevice device) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			List<String> payloads = received.get(topic);
			if (payloads != null && payloads.size() >= n) {
				return payloads.get(n - 1);
			}
			Thread.sleep(50);
		}
		return fail("nothing (#" + n + ") on " + topic + "; received " + received.keySet() + "\ndevice output:\n"
				+ (device == null ? "none" : device.log()));
	}

	@Override
	public void close() throws MqttException {
		session.close();
	}
}
