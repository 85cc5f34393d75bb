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

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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

/** TLS against a Mosquitto with a certificate from a test CA: the CA file works, anything else says why. */
class ConnectionTlsTest {

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.withTls();

	private static ConnectionProfile tls(String caFile) {
		return ConnectionProfile.of(BROKER.host(), BROKER.port()).withTls(caFile, null, null)
				.withSubscriptions(List.of("secure/#"));
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void caFileOfTheBrokerConnects(MqttVersion version) throws Exception {
		ConnectionProfile profile = tls(BROKER.certificates().caCertificate().toString()).withVersion(version);
		try (BrokerConnection connection = new BrokerConnection(profile, null, null, new TopicTree())) {
			connection.connect();
			connection.publish(OutgoingMessage.of("secure/x", new byte[] { 4, 2 }, 1, false));
			Await.until("the message over TLS", 5000, () -> connection.tree().find("secure/x") != null);
		}
	}

	@Test
	void untrustedCertificateIsATlsFailure() {
		BrokerConnection connection = new BrokerConnection(tls(null), null, null, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(Kind.TLS, error.kind(), error.getMessage());
		assertTrue(error.getMessage().startsWith("TLS handshake with 127.0.0.1:" + BROKER.port() + " failed"),
				error.getMessage());
		assertEquals(BrokerConnection.State.FAILED, connection.state());
	}

	@Test
	void missingCaFileIsATlsSettingsMessage() {
		BrokerConnection connection = new BrokerConnection(tls("/no/such/ca.crt"), null, null, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(Kind.TLS, error.kind(), error.getMessage());
		assertTrue(error.getMessage().contains("/no/such/ca.crt"), error.getMessage());
	}

	@Test
	void plainConnectionToATlsPortSaysSo() {
		ConnectionProfile plain = ConnectionProfile.of(BROKER.host(), BROKER.port());
		BrokerConnection connection = new BrokerConnection(plain, null, null, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertTrue(error.kind() == Kind.LOST || error.kind() == Kind.TIMEOUT, error.kind() + " " + error.getMessage());
	}

	/** A client certificate and key made with openssl, the key encrypted as Java reads it (PBES2, AES-256). */
	private static ConnectionProfile withClientKey(Path dir, boolean javaReadable) throws Exception {
		run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-keyout", "legacy.pem", "-out", "client.crt",
				"-passout", "pass:key-secret", "-subj", "/CN=client", "-days", "1");
		String key = "legacy.pem";
		if (javaReadable) {
			run(dir, "openssl", "pkcs8", "-topk8", "-in", "legacy.pem", "-passin", "pass:key-secret", "-v2",
					"aes-256-cbc", "-v2prf", "hmacWithSHA256", "-passout", "pass:key-secret", "-out", "client.pem");
			key = "client.pem";
		}
		return tls(BROKER.certificates().caCertificate().toString()).withTls(
				BROKER.certificates().caCertificate().toString(), dir.resolve("client.crt").toString(),
				dir.resolve(key).toString());
	}

	private static void run(Path dir, String... command) throws Exception {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), out);
	}

	@Test
	void encryptedClientKeyWithItsPasswordConnects(@TempDir Path dir) throws Exception {
		try (BrokerConnection connection = new BrokerConnection(withClientKey(dir, true), null,
				"key-secret".toCharArray(), new TopicTree())) {
			connection.connect();
			assertEquals(BrokerConnection.State.CONNECTED, connection.state());
		}
	}

	@Test
	void wrongClientKeyPasswordSaysSo(@TempDir Path dir) throws Exception {
		BrokerConnection connection = new BrokerConnection(withClientKey(dir, true), null, "nope".toCharArray(),
				new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(Kind.TLS, error.kind(), error.getMessage());
		assertEquals("TLS settings cannot be used: The client key password is wrong", error.getMessage());
	}

	@Test
	void clientKeyInAnEncryptionJavaCannotReadSaysHowToConvertIt(@TempDir Path dir) throws Exception {
		BrokerConnection connection = new BrokerConnection(withClientKey(dir, false), null,
				"key-secret".toCharArray(), new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(Kind.TLS, error.kind(), error.getMessage());
		// openssl req encrypts the key with PBES2 parameters the JDK cannot parse: the message says how to convert it
		assertTrue(error.getMessage().contains("openssl pkcs8 -topk8 -v2 aes-256-cbc"), error.getMessage());
	}
}
