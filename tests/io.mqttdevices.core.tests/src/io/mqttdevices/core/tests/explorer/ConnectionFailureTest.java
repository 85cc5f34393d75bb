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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

	/**
	 * A broker that accepts the TCP connection and never answers CONNECT (a hung broker, or another program on the
	 * port): a timeout sentence within the connection timeout, and none of the client's threads left running.
	 */
	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	@Timeout(60)
	void silentBrokerTimesOutAndLeavesNoThreadBehind(MqttVersion version) throws Exception {
		try (SilentServer silent = new SilentServer()) {
			Set<Thread> before = Thread.getAllStackTraces().keySet();
			long start = System.nanoTime();
			ConnectionException error = failure(ConnectionProfile.of("127.0.0.1", silent.port()).withVersion(version),
					null);
			long elapsedMs = (System.nanoTime() - start) / 1_000_000;
			assertEquals(Kind.TIMEOUT, error.kind(), error.getMessage());
			assertEquals("No answer from 127.0.0.1:" + silent.port()
					+ " in time: is the host reachable and a broker listening there?", error.getMessage());
			assertTrue(silent.accepted() > 0, "the client reached the silent server");
			assertTrue(elapsedMs < BrokerConnection.TIMEOUT_MS + 3000, "failed after " + elapsedMs + " ms");
			long end = System.nanoTime() + 5_000_000_000L;
			while (!newThreads(before).isEmpty() && System.nanoTime() < end) {
				Thread.sleep(20);
			}
			assertEquals(List.of(), newThreads(before), "threads of the client left running");
		}
	}

	private static List<String> newThreads(Set<Thread> before) {
		List<String> names = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!before.contains(thread) && thread.isAlive()) {
				names.add(thread.getName());
			}
		}
		return names;
	}

	/** Accepts connections on a free loopback port, reads nothing and answers nothing until closed. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		private final List<Socket> held = new CopyOnWriteArrayList<>();
		private final Thread acceptor = new Thread(this::acceptAll, "silent server");

		SilentServer() throws IOException {
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return server.getLocalPort();
		}

		int accepted() {
			return held.size();
		}

		private void acceptAll() {
			try {
				while (!server.isClosed()) {
					held.add(server.accept());
				}
			} catch (IOException e) {
				// closed
			}
		}

		@Override
		public void close() throws IOException, InterruptedException {
			server.close();
			for (Socket socket : held) {
				socket.close();
			}
			acceptor.join(5000);
		}
	}
}
