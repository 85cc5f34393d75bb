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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerException;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.tests.MqttSession;

/**
 * The local broker (Moquette inside the OSGi runtime) on a free loopback port, reached by real Paho clients:
 * round trips, credentials, MQTT 5 refused, a port already taken, and nothing left listening after stop.
 */
class LocalBrokerTest {

	private final LocalBroker broker = new LocalBroker();
	private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopEverything() {
		for (MqttClient client : clients) {
			try {
				if (client.isConnected()) {
					client.disconnectForcibly(1000, 1000);
				}
				client.close(true);
			} catch (MqttException e) {
				// already gone with the broker
			}
		}
		broker.stop();
	}

	@Test
	void loopbackBrokerRoundTripsAMessageAndCountsItsClients() throws Exception {
		int port = freePort();
		LocalBrokerStatus started = broker.start(LocalBrokerConfig.loopback(port));
		assertTrue(started.running());
		assertEquals("127.0.0.1:" + port, started.address());
		assertFalse(started.secured());

		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		MqttClient subscriber = connect(port, "subscriber", null, null);
		subscriber.subscribe("home/#", 1, (topic, message) -> received
				.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));
		MqttClient publisher = connect(port, "esp8266_deadbeef", null, null);
		publisher.publish("home/esp8266_deadbeef", "512".getBytes(StandardCharsets.UTF_8), 1, false);

		assertEquals("home/esp8266_deadbeef=512", received.poll(5, TimeUnit.SECONDS));
		waitUntil(() -> broker.status().clients() == 2, "two clients counted, saw " + broker.status().clients());
		publisher.disconnect();
		waitUntil(() -> broker.status().clients() == 1, "one client left, saw " + broker.status().clients());
	}

	@Test
	void mosquittoClientsWithoutAClientIdAreAccepted() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		MqttClient subscriber = connect(port, "subscriber", null, null);
		subscriber.subscribe("home/#", 1, (topic, message) -> received
				.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));

		// the line users type to try a broker: no -i, so an empty client id the broker must assign
		Process publish = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t",
				"home/test", "-m", "hello").redirectErrorStream(true).start();
		try {
			assertTrue(publish.waitFor(10, TimeUnit.SECONDS), "mosquitto_pub did not end");
			String output = new String(publish.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertEquals(0, publish.exitValue(), output);
		} finally {
			publish.destroyForcibly();
		}
		assertEquals("home/test=hello", received.poll(5, TimeUnit.SECONDS));
	}

	@Test
	void listenersSeeStartClientsAndStop() throws Exception {
		int port = freePort();
		List<LocalBrokerStatus> seen = new CopyOnWriteArrayList<>();
		broker.addListener(seen::add);
		broker.start(LocalBrokerConfig.loopback(port));
		connect(port, "counted", null, null);
		waitUntil(() -> seen.stream().anyMatch(s -> s.running() && s.clients() == 1), "a status with 1 client: " + seen);
		broker.stop();

		assertTrue(seen.get(0).running(), seen.toString());
		assertEquals(LocalBrokerStatus.STOPPED, seen.get(seen.size() - 1));
	}

	@Test
	void stopDisconnectsClientsAndRefusesNewConnections() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		CountDownLatch lost = new CountDownLatch(1);
		MqttClient client = connect(port, "dropped", null, null);
		client.setCallback(new MqttCallback() {
			@Override
			public void connectionLost(Throwable cause) {
				lost.countDown();
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}
		});

		broker.stop();

		assertTrue(lost.await(5, TimeUnit.SECONDS), "the connected client was told the connection is lost");
		assertEquals(LocalBrokerStatus.STOPPED, broker.status());
		assertFalse(accepts(port), "nothing listens on " + port + " after stop");
		MqttException refused = assertThrows(MqttException.class, () -> connect(port, "late", null, null));
		assertInstanceOf(ConnectException.class, refused.getCause(), String.valueOf(refused.getCause()));
	}

	@Test
	void stoppedBrokerStartsAgainOnTheSamePort() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		broker.stop();
		broker.start(LocalBrokerConfig.loopback(port));
		assertTrue(connect(port, "again", null, null).isConnected());
	}

	@Test
	void restartWithinASecondOfStopAfterAClosedConnectionUsesTheSamePort() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		MqttClient client = connect(port, "explorer", null, null);
		client.publish("home/door", "open".getBytes(StandardCharsets.UTF_8), 1, false);

		// the broker closes the connection first, so its end (port on 127.0.0.1) waits in TIME-WAIT for a minute
		broker.stop();
		waitUntil(() -> !client.isConnected(), "the client to see the broker go");
		if (Files.isReadable(PROC_NET_TCP)) {
			waitUntil(() -> timeWaitOn(port), "a TIME-WAIT socket on port " + port);
		}
		long start = System.nanoTime();
		broker.start(LocalBrokerConfig.loopback(port));
		long restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertTrue(connect(port, "again", null, null).isConnected());
		assertTrue(restartMs < 1000, "restart took " + restartMs + " ms");
		System.out.println("Local broker restarted on port " + port + " past a TIME-WAIT socket in " + restartMs
				+ " ms");
	}

	@Test
	void aSecondBrokerOnTheSamePortGetsTheClearInUseMessage() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		LocalBroker second = new LocalBroker();
		try {
			LocalBrokerException error = assertThrows(LocalBrokerException.class,
					() -> second.start(LocalBrokerConfig.loopback(port)));
			assertTrue(error.getMessage().contains("Port " + port + " on 127.0.0.1 is already in use"),
					error.getMessage());
			assertFalse(second.isRunning());
		} finally {
			second.stop();
		}
		try (ServerSocket sharing = new ServerSocket()) {
			sharing.setReuseAddress(true);
			assertThrows(IOException.class, () -> sharing.bind(new InetSocketAddress("127.0.0.1", port)),
					"another listener with SO_REUSEADDR must not share the broker's port");
		}
		assertTrue(connect(port, "first-still-serves", null, null).isConnected());
	}

	@Test
	void mqtt5ClientsAreRefusedBecauseMoquetteSpeaks311() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		MqttSettings settings = broker.defaultConnection("v5-client").orElseThrow();
		org.eclipse.paho.mqttv5.common.MqttException refused = assertThrows(
				org.eclipse.paho.mqttv5.common.MqttException.class, () -> MqttSession.connect(settings, (t, p, r) -> {
				}));
		// Moquette answers an MQTT 3.1.1 CONNACK "unacceptable protocol version" (1), which Paho 5 reports as
		// an invalid return code (50001) at once, not as a time-out
		assertEquals(50001, refused.getReasonCode(), refused.toString());
		assertEquals(4, LocalBroker.MQTT_VERSION);
	}

	@Test
	void lanWithoutCredentialsIsRefusedBeforeListening() throws Exception {
		int port = freePort();
		LocalBrokerException error = assertThrows(LocalBrokerException.class,
				() -> broker.start(LocalBrokerConfig.lan(port, null, null)));
		assertTrue(error.getMessage().contains("needs a username and password"), error.getMessage());
		assertEquals(LocalBrokerStatus.STOPPED, broker.status());
		assertFalse(accepts(port));

		LocalBrokerException noPassword = assertThrows(LocalBrokerException.class,
				() -> broker.start(LocalBrokerConfig.lan(port, "sensor", new char[0])));
		assertTrue(noPassword.getMessage().contains("needs a password"), noPassword.getMessage());
	}

	@Test
	void lanConfigurationWithCredentialsIsAcceptedAndReachedThroughLoopback() {
		LocalBrokerConfig lan = LocalBrokerConfig.lan(1883, "sensor", "s3cret".toCharArray());
		assertNull(lan.problem());
		assertFalse(lan.isLoopback());
		assertTrue(lan.requiresCredentials());
		assertEquals("127.0.0.1", lan.connectHost());
		assertEquals("192.168.1.20", new LocalBrokerConfig("192.168.1.20", 1883, "u", "p".toCharArray()).connectHost());
		assertFalse(lan.toString().contains("s3cret"), lan.toString());
		assertTrue(new LocalBrokerConfig("broker.example", 1883, "u", "p".toCharArray()).problem()
				.contains("not an IP address"));
		assertTrue(LocalBrokerConfig.loopback(70000).problem().contains("between 1 and 65535"));
	}

	@Test
	void credentialsRefuseAWrongPasswordAndAnonymousAndAcceptTheRightOne() throws Exception {
		int port = freePort();
		// the authenticator a LAN broker gets, on loopback so that the test stays off the network
		LocalBrokerStatus status = broker
				.start(new LocalBrokerConfig(LocalBrokerConfig.LOOPBACK, port, "sensor", "s3cret-pass".toCharArray()));
		assertTrue(status.secured());

		MqttException wrong = assertThrows(MqttException.class, () -> connect(port, "intruder", "sensor", "wrong"));
		assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, wrong.getReasonCode());
		MqttException otherUser = assertThrows(MqttException.class,
				() -> connect(port, "intruder2", "admin", "s3cret-pass"));
		assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, otherUser.getReasonCode());
		MqttException anonymous = assertThrows(MqttException.class, () -> connect(port, "anonymous", null, null));
		assertTrue(anonymous.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
				|| anonymous.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED,
				"reason code " + anonymous.getReasonCode());

		MqttSettings settings = broker.defaultConnection("explorer").orElseThrow();
		assertEquals("127.0.0.1", settings.host());
		assertEquals(port, settings.port());
		assertEquals("sensor", settings.username());
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		MqttClient client = connect(port, settings.clientId(), settings.username(), new String(settings.password()));
		client.subscribe("home/#", 1, (topic, message) -> received.add(topic));
		client.publish("home/door", "open".getBytes(StandardCharsets.UTF_8), 1, false);
		assertEquals("home/door", received.poll(5, TimeUnit.SECONDS));
	}

	@Test
	void portInUseGivesAClearMessageAndLeavesTheBrokerStartable() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			LocalBrokerException error = assertThrows(LocalBrokerException.class,
					() -> broker.start(LocalBrokerConfig.loopback(port)));
			assertTrue(error.getMessage().contains("Port " + port + " on 127.0.0.1 is already in use"),
					error.getMessage());
			assertEquals(LocalBrokerStatus.STOPPED, broker.status());
		}
		int other = freePort();
		broker.start(LocalBrokerConfig.loopback(other));
		assertTrue(connect(other, "after-failure", null, null).isConnected());
	}

	@Test
	void secondStartOnAnotherPortIsRefusedWhileRunning() throws Exception {
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		assertEquals(port, broker.start(LocalBrokerConfig.loopback(port)).port());
		LocalBrokerException error = assertThrows(LocalBrokerException.class,
				() -> broker.start(LocalBrokerConfig.loopback(freePort())));
		assertTrue(error.getMessage().contains("already runs on 127.0.0.1:" + port), error.getMessage());
	}

	@Test
	void defaultConnectionIsEmptyWhileStoppedAndLoopbackWhileRunning() throws Exception {
		assertTrue(broker.defaultConnection("explorer").isEmpty());
		int port = freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		MqttSettings settings = broker.defaultConnection("explorer").orElseThrow();
		assertEquals("tcp://127.0.0.1:" + port, settings.serverUri());
		assertNull(settings.username());
		assertNull(settings.password());
	}

	@Test
	void explorerConnectsToTheDefaultProfileAndSeesPublishedTopics() throws Exception {
		int port = freePort();
		broker.start(new LocalBrokerConfig(LocalBrokerConfig.LOOPBACK, port, "sensor", "s3cret-pass".toCharArray()));
		ConnectionProfile profile = broker.defaultProfile().orElseThrow();
		assertEquals(MqttVersion.V3_1_1, profile.version());
		assertEquals("tcp://127.0.0.1:" + port, profile.serverUri());
		assertEquals("sensor", profile.username());
		assertEquals(LocalBroker.PROFILE_NAME, profile.name());

		TopicTree tree = new TopicTree();
		char[] password = broker.defaultConnection("explorer").orElseThrow().password();
		try (BrokerConnection explorer = new BrokerConnection(profile, password, null, tree)) {
			explorer.connect();
			connect(port, "esp32_cafe", "sensor", "s3cret-pass").publish("home/esp32_cafe",
					"21.5".getBytes(StandardCharsets.UTF_8), 1, false);
			waitUntil(() -> tree.find("home/esp32_cafe") != null, "the explorer's tree to hold the topic");
		}
		broker.stop();
		assertTrue(broker.defaultProfile().isEmpty());
	}

	private MqttClient connect(int port, String clientId, String username, String password) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setConnectionTimeout(5);
		options.setAutomaticReconnect(false);
		if (username != null) {
			options.setUserName(username);
		}
		if (password != null) {
			options.setPassword(password.toCharArray());
		}
		try {
			client.connect(options);
		} catch (MqttException e) {
			client.close(true);
			throw e;
		}
		clients.add(client);
		return client;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	private static final Path PROC_NET_TCP = Path.of("/proc/net/tcp");
	private static final Path PROC_NET_TCP6 = Path.of("/proc/net/tcp6");

	/**
	 * Whether Linux lists a socket whose local port is this one in TIME-WAIT (state 06 of /proc/net/tcp, or tcp6:
	 * Java's sockets are IPv6 ones where the system has IPv6, 127.0.0.1 being ::ffff:127.0.0.1).
	 */
	private static boolean timeWaitOn(int port) {
		String localPort = String.format(":%04X", port);
		for (Path table : List.of(PROC_NET_TCP, PROC_NET_TCP6)) {
			try {
				if (Files.readAllLines(table).stream().map(String::trim).map(line -> line.split("\\s+"))
						.anyMatch(f -> f.length > 3 && f[1].endsWith(localPort) && f[3].equals("06"))) {
					return true;
				}
			} catch (IOException e) {
				// no such table (no IPv6)
			}
		}
		return false;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(20);
		}
	}
}
