/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionException;
import io.mqttdevices.core.explorer.ConnectionException.Kind;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;

/** Unknown host, refused port, bad credentials: one clear message each, and the state says FAILED. */
class ConnectionFailureTest {

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.withPassword("sensor", "s3cret-pass");

	private static ConnectionException failure(ConnectionProfile profile, char[] password) {
		BrokerConnection connection = new BrokerConnection(profile, password, null, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(BrokerConnection.State.FAILED, connection.state());
		assertEquals(error.getMessage(), connection.message());
		connection.close();
		return error;
	}

	@Test
	void unknownHost() {
		ConnectionException error = failure(ConnectionProfile.of("no-such-host.invalid", 1883), null);
		assertEquals(Kind.UNKNOWN_HOST, error.kind(), error.getMessage());
		assertEquals("Unknown host 'no-such-host.invalid': check the broker's name.", error.getMessage());
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void refusedPort(MqttVersion version) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ConnectionException error = failure(ConnectionProfile.of("127.0.0.1", closedPort).withVersion(version), null);
		assertEquals(Kind.REFUSED, error.kind(), error.getMessage());
		assertTrue(error.getMessage().contains("127.0.0.1:" + closedPort + " refused"), error.getMessage());
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void badPassword(MqttVersion version) {
		ConnectionProfile profile = ConnectionProfile.of(BROKER.host(), BROKER.port()).withVersion(version)
				.withUsername("sensor");
		ConnectionException error = failure(profile, "wrong".toCharArray());
		assertTrue(error.kind() == Kind.BAD_CREDENTIALS || error.kind() == Kind.NOT_AUTHORIZED,
				error.kind() + ": " + error.getMessage());
		assertTrue(error.getMessage().contains("refused the user name or password")
				|| error.getMessage().contains("does not authorise"), error.getMessage());
		assertTrue(!error.getMessage().contains("wrong"), "never the password in a message");
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void rightPasswordConnects(MqttVersion version) throws Exception {
		ConnectionProfile profile = ConnectionProfile.of(BROKER.host(), BROKER.port()).withVersion(version)
				.withUsername("sensor").withSubscriptions(List.of("auth/#"));
		try (BrokerConnection connection = new BrokerConnection(profile, "s3cret-pass".toCharArray(), null,
				new TopicTree())) {
			connection.connect();
			connection.publish(OutgoingMessage.of("auth/x", new byte[] { 1 }, 1, false));
			Await.until("the message", 5000, () -> connection.tree().find("auth/x") != null);
		}
	}
}
