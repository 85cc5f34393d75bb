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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionErrors;
import io.mqttdevices.core.explorer.ConnectionException;
import io.mqttdevices.core.explorer.ConnectionException.Kind;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TlsVerdict;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.tests.fixtures.TestCertificates;
import io.mqttdevices.tests.fixtures.TestCertificates.ClientCertificate;

/**
 * The explorer against a real Mosquitto that requires a client certificate signed by its CA: the certificate with
 * its key (plain PEM, encrypted PEM, PKCS#12) gets in and messages round-trip; a wrong key password, no client
 * certificate, or one from another CA each give one sentence that says what to do.
 */
class ClientCertificateTest {

	private static final String KEY_PASSWORD = "key-pass-7";

	@RegisterExtension
	static final MosquittoBroker BROKER = MosquittoBroker.withClientCertificates();

	@TempDir
	static Path otherCaDir;

	private static ClientCertificate sensor;
	private static ClientCertificate otherSensor;
	private static ClientCertificate stranger;

	@BeforeAll
	static void issueCertificates() throws Exception {
		sensor = BROKER.certificates().issueClient("sensor-1", KEY_PASSWORD);
		otherSensor = BROKER.certificates().issueClient("sensor-2", KEY_PASSWORD);
		stranger = TestCertificates.create(otherCaDir).issueClient("stranger", KEY_PASSWORD);
	}

	private static ConnectionProfile profile(Path certificate, Path key) {
		return ConnectionProfile.of(BROKER.host(), BROKER.port())
				.withTls(BROKER.certificates().caCertificate().toString(),
						certificate == null ? null : certificate.toString(), key == null ? null : key.toString())
				.withSubscriptions(List.of("sensors/#"));
	}

	/** Connects, publishes through the same connection and waits for the message in the tree. */
	private static void roundTrip(ConnectionProfile profile, char[] keyPassword) throws Exception {
		try (BrokerConnection connection = new BrokerConnection(profile, null, keyPassword, new TopicTree())) {
			connection.connect();
			assertEquals(BrokerConnection.State.CONNECTED, connection.state(), connection.message());
			byte[] payload = "21.5".getBytes();
			connection.publish(OutgoingMessage.of("sensors/sensor-1/temp", payload, 1, false));
			Await.until("the message through the broker", 5000,
					() -> connection.tree().find("sensors/sensor-1/temp") != null
							&& connection.tree().find("sensors/sensor-1/temp").lastMessage() != null);
			TopicMessage arrived = connection.tree().find("sensors/sensor-1/temp").lastMessage();
			assertArrayEquals(payload, arrived.payload());
		}
	}

	private static ConnectionException refusal(ConnectionProfile profile, char[] keyPassword) {
		BrokerConnection connection = new BrokerConnection(profile, null, keyPassword, new TopicTree());
		ConnectionException error = assertThrows(ConnectionException.class, connection::connect);
		assertEquals(BrokerConnection.State.FAILED, connection.state());
		assertEquals(error.getMessage(), connection.message());
		assertOneSentence(error);
		connection.close();
		return error;
	}

	/** The causes' classes and messages, for failure messages. */
	static String causes(Throwable error) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
			all.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
		}
		return all.toString();
	}

	/** What the status line shows: one line, no exception class names or stack frames. */
	private static void assertOneSentence(ConnectionException error) {
		String message = error.getMessage();
		String context = message + causes(error);
		assertFalse(message.contains("\n"), context);
		assertFalse(message.contains("Exception"), context);
		assertFalse(message.contains("\tat "), context);
		assertFalse(message.contains("java."), context);
		assertFalse(message.contains(KEY_PASSWORD), "never the password in a message");
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void certificateWithPlainKeyGetsInAndMessagesRoundTrip(MqttVersion version) throws Exception {
		// the broker lets no anonymous client in: it took the certificate's common name as the user name
		roundTrip(profile(sensor.certificate(), sensor.key()).withVersion(version), null);
	}

	@Test
	void certificateWithEncryptedKeyAndItsPasswordGetsIn() throws Exception {
		roundTrip(profile(sensor.certificate(), sensor.encryptedKey()), KEY_PASSWORD.toCharArray());
	}

	@Test
	void pkcs12FileWithItsPasswordGetsIn() throws Exception {
		roundTrip(profile(sensor.pkcs12(), null), KEY_PASSWORD.toCharArray());
	}

	@Test
	void wrongPasswordOfAnEncryptedKeySaysSo() {
		ConnectionException error = refusal(profile(sensor.certificate(), sensor.encryptedKey()),
				"not-it".toCharArray());
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("TLS settings cannot be used: The client key password is wrong", error.getMessage());
	}

	@Test
	void wrongPasswordOfAPkcs12FileSaysSo() {
		ConnectionException error = refusal(profile(sensor.pkcs12(), null), "not-it".toCharArray());
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("TLS settings cannot be used: The client key password is wrong", error.getMessage());
	}

	@Test
	void pkcs12FileWithoutItsPasswordAsksForIt() {
		ConnectionException error = refusal(profile(sensor.pkcs12(), null), null);
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("TLS settings cannot be used: The client key is encrypted: enter its password",
				error.getMessage());
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void noClientCertificateIsRefusedAndTheMessageAsksForOne(MqttVersion version) {
		ConnectionException error = refusal(profile(null, null).withVersion(version), null);
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("The broker at 127.0.0.1:" + BROKER.port()
				+ " requires a client certificate: choose the certificate and key it accepts in the connection's TLS"
				+ " settings.",
				error.getMessage(), causes(error));
	}

	@ParameterizedTest
	@EnumSource(MqttVersion.class)
	void certificateFromAnotherCaIsRefusedAndTheMessageSaysSo(MqttVersion version) {
		ConnectionException error = refusal(profile(stranger.certificate(), stranger.key()).withVersion(version),
				null);
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("The broker at 127.0.0.1:" + BROKER.port()
				+ " does not accept this client certificate: it wants one signed by a CA it trusts.",
				error.getMessage(), causes(error));
	}

	@Test
	void keyOfAnotherCertificateIsRefusedAndTheMessageSaysSo() {
		ConnectionException error = refusal(profile(sensor.certificate(), otherSensor.key()), null);
		assertEquals(Kind.TLS, error.kind(), error.getMessage() + causes(error));
		assertEquals("The broker at 127.0.0.1:" + BROKER.port()
				+ " could not verify the client certificate's signature: is the key file the certificate's own key?",
				error.getMessage(), causes(error));
	}

	/**
	 * With TLS 1.3 the broker checks the client certificate after the client's handshake is over and Paho is already
	 * writing CONNECT: in some connects (seen here: up to 3 in 20 with a certificate from another CA) Paho reports
	 * the broken pipe of that write instead of the broker's alert. The connection then asks the broker again; this
	 * is that exact error, as Paho reports it, explained by the real broker.
	 */
	@Test
	void brokenPipeAfterTheHandshakeIsExplainedByTheBrokersAlert() {
		Throwable brokenPipe = new MqttException(0, new SocketException("Broken pipe"));
		ConnectionProfile noCertificate = profile(null, null);
		Throwable explained = TlsVerdict.explain(brokenPipe, noCertificate, null, BrokerConnection.TIMEOUT_MS);
		ConnectionException error = ConnectionErrors.describe(explained, noCertificate);
		assertEquals("The broker at 127.0.0.1:" + BROKER.port()
				+ " requires a client certificate: choose the certificate and key it accepts in the connection's TLS"
				+ " settings.",
				error.getMessage(), causes(error));

		ConnectionProfile foreign = profile(stranger.certificate(), stranger.key());
		Throwable reset = new SocketException("Connection reset");
		error = ConnectionErrors.describe(TlsVerdict.explain(reset, foreign, null, BrokerConnection.TIMEOUT_MS),
				foreign);
		assertEquals("The broker at 127.0.0.1:" + BROKER.port()
				+ " does not accept this client certificate: it wants one signed by a CA it trusts.",
				error.getMessage(), causes(error));
	}

	/** A broker that accepts the certificate has no verdict to give: the loss is reported as it was. */
	@Test
	void brokenPipeWithAnAcceptedCertificateStaysAClosedConnection() {
		Throwable brokenPipe = new MqttException(0, new SocketException("Broken pipe"));
		ConnectionProfile accepted = profile(sensor.certificate(), sensor.key());
		Throwable explained = TlsVerdict.explain(brokenPipe, accepted, null, BrokerConnection.TIMEOUT_MS);
		assertSame(brokenPipe, explained);
		ConnectionException error = ConnectionErrors.describe(explained, accepted);
		assertEquals(Kind.LOST, error.kind(), error.getMessage());
		assertEquals("The broker at 127.0.0.1:" + BROKER.port() + " closed the connection.", error.getMessage());
	}
}
