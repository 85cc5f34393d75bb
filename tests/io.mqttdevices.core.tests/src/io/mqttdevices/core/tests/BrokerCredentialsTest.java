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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** The password variant of the broker fixture: the right user gets in, a wrong password is refused. */
class BrokerCredentialsTest {

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.withPassword("sensor", "s3cret-pass");

	@Test
	void rightPasswordConnectsAndRoundTrips() throws Exception {
		CompletableFuture<String> arrived = new CompletableFuture<>();
		MqttSettings settings = new MqttSettings(BROKER.host(), BROKER.port(), "authorised", "sensor",
				"s3cret-pass".toCharArray());
		try (MqttSession session = MqttSession.connect(settings, (topic, payload, retained) -> arrived.complete(topic))) {
			session.subscribe("home/#", 1);
			session.publish("home/a", new byte[] { 'x' }, 1, false);
			assertEquals("home/a", arrived.get(5, TimeUnit.SECONDS));
		}
	}

	@Test
	void wrongPasswordIsRefusedAsNotAuthorised() {
		MqttSettings settings = new MqttSettings(BROKER.host(), BROKER.port(), "intruder", "sensor",
				"wrong".toCharArray());
		MqttException error = assertThrows(MqttException.class,
				() -> MqttSession.connect(settings, (topic, payload, retained) -> {
				}));
		// MQTT 5: 0x86 bad user name or password, 0x87 not authorised
		assertTrue(error.getReasonCode() == 0x86 || error.getReasonCode() == 0x87,
				"reason code " + error.getReasonCode());
	}

	@Test
	void settingsNeverPrintThePassword() {
		MqttSettings settings = new MqttSettings("h", 1883, "c", "sensor", "s3cret-pass".toCharArray());
		assertTrue(!settings.toString().contains("s3cret"), settings.toString());
	}
}
