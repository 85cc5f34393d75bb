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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerException;
import io.mqttdevices.core.broker.LocalBrokerOnLan;
import io.mqttdevices.core.broker.LocalBrokerOnLan.Credentials;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.core.preferences.CorePreferences;

/**
 * The local broker made a board's broker (what the wizard's "This computer's broker" does on Finish): the settings
 * saved (password in secure storage), the broker on every interface with credentials, reached here through
 * 127.0.0.1 only.
 */
class LocalBrokerOnLanTest {

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
	private final LocalBroker broker = new LocalBroker();

	@AfterEach
	void reset() throws Exception {
		broker.stop();
		preferences.clear();
		preferences.flush();
		LocalBrokerPreferences.setPassword(null);
	}

	@Test
	void proposedCredentialsAreTheLocalBrokersOwnOrANewPasswordNothingStored() throws Exception {
		Credentials fresh = LocalBrokerOnLan.proposed();
		assertEquals(LocalBrokerOnLan.DEFAULT_USERNAME, fresh.username());
		assertEquals(20, fresh.password().length);
		assertTrue(new String(fresh.password()).matches("[A-Za-z0-9]+"));
		assertFalse(new String(LocalBrokerOnLan.proposed().password()).equals(new String(fresh.password())),
				"a new password each time");
		assertEquals(null, LocalBrokerPreferences.password(), "nothing stored");

		preferences.put(LocalBrokerPreferences.USERNAME, "ide-user");
		LocalBrokerPreferences.setPassword("kept-Pass-1".toCharArray());
		Credentials kept = LocalBrokerOnLan.proposed();
		assertEquals("ide-user", kept.username());
		assertArrayEquals("kept-Pass-1".toCharArray(), kept.password());
	}

	@Test
	void listenSavesTheSettingsAndRestartsALoopbackBrokerOnEveryInterfaceWithCredentials() throws Exception {
		int port = LocalBrokerTest.freePort();
		preferences.putInt(LocalBrokerPreferences.PORT, port);
		broker.start(LocalBrokerConfig.loopback(port));
		Credentials credentials = new Credentials("sensors", "Gen3ratedPassw0rd".toCharArray());

		LocalBrokerStatus status = LocalBrokerOnLan.listen(broker, credentials);

		assertEquals(new LocalBrokerStatus(true, LocalBrokerConfig.ALL_INTERFACES, port, 0, true), status);
		assertTrue(LocalBrokerPreferences.lan());
		assertEquals("sensors", LocalBrokerPreferences.username());
		assertArrayEquals("Gen3ratedPassw0rd".toCharArray(), LocalBrokerPreferences.password());
		MqttException anonymous = assertThrows(MqttException.class, () -> connect(port, null, null));
		assertTrue(anonymous.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
				|| anonymous.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED, anonymous.toString());
		MqttClient board = connect(port, "sensors", "Gen3ratedPassw0rd");
		try {
			// the same settings again: the broker is left running, its client stays connected
			assertEquals(LocalBrokerConfig.ALL_INTERFACES, LocalBrokerOnLan.listen(broker, credentials).bindAddress());
			assertTrue(board.isConnected());
		} finally {
			board.disconnect();
			board.close();
		}
	}

	@Test
	void aPortInUseGivesTheClearMessageAndTheSettingsStaySaved() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			preferences.putInt(LocalBrokerPreferences.PORT, port);
			LocalBrokerException error = assertThrows(LocalBrokerException.class,
					() -> LocalBrokerOnLan.listen(broker, new Credentials("sensors", "pw".toCharArray())));
			assertTrue(error.getMessage().contains("Port " + port), error.getMessage());
			assertFalse(broker.isRunning());
			assertTrue(LocalBrokerPreferences.lan());
		}
	}

	private static MqttClient connect(int port, String username, String password) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "lan-test-" + System.nanoTime(),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setConnectionTimeout(5);
		if (username != null) {
			options.setUserName(username);
			options.setPassword(password.toCharArray());
		}
		try {
			client.connect(options);
		} catch (MqttException e) {
			client.close(true);
			throw e;
		}
		return client;
	}
}
