/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved way to reach a broker and what to subscribe to (topic filters, each with its QoS), without its secrets
 * (the password and the client key's password live in secure storage, see {@link ProfileStore}). TLS material is
 * given as files: a CA certificate (PEM) to trust, and for client authentication a certificate (PEM) with its key
 * (PKCS#8 PEM, encrypted or not) or a PKCS#12 file.
 */
public record ConnectionProfile(String id, String name, String host, int port, boolean tls, String caFile,
		String clientCertificateFile, String clientKeyFile, String username, String clientId, MqttVersion version,
		int keepAliveSeconds, boolean cleanStart, List<Subscription> subscriptions) {

	public static final int DEFAULT_PORT = 1883;
	public static final int DEFAULT_TLS_PORT = 8883;
	public static final int DEFAULT_KEEP_ALIVE = 60;
	public static final String ALL_TOPICS = "#"; //$NON-NLS-1$

	public ConnectionProfile {
		Objects.requireNonNull(id, "id"); //$NON-NLS-1$
		Objects.requireNonNull(host, "host"); //$NON-NLS-1$
		name = name == null || name.isBlank() ? host + ':' + port : name;
		caFile = emptyToNull(caFile);
		clientCertificateFile = emptyToNull(clientCertificateFile);
		clientKeyFile = emptyToNull(clientKeyFile);
		username = emptyToNull(username);
		clientId = clientId == null ? "" : clientId; //$NON-NLS-1$
		version = version == null ? MqttVersion.V5 : version;
		subscriptions = subscriptions == null || subscriptions.isEmpty() ? List.of(Subscription.of(ALL_TOPICS))
				: List.copyOf(subscriptions);
	}

	/** A new profile for a plain connection to host:port, MQTT 5, subscribed to everything. */
	public static ConnectionProfile of(String host, int port) {
		return new ConnectionProfile(UUID.randomUUID().toString(), null, host, port, false, null, null, null, null,
				"", MqttVersion.V5, DEFAULT_KEEP_ALIVE, true, List.of(Subscription.of(ALL_TOPICS))); //$NON-NLS-1$
	}

	/** Paho's server URI: {@code tcp://host:port} or {@code ssl://host:port}. */
	public String serverUri() {
		String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? '[' + host + ']' : host; //$NON-NLS-1$
		return (tls ? "ssl://" : "tcp://") + h + ':' + port; //$NON-NLS-1$ //$NON-NLS-2$
	}

	public ConnectionProfile withName(String newName) {
		return new ConnectionProfile(id, newName, host, port, tls, caFile, clientCertificateFile, clientKeyFile,
				username, clientId, version, keepAliveSeconds, cleanStart, subscriptions);
	}

	public ConnectionProfile withVersion(MqttVersion newVersion) {
		return new ConnectionProfile(id, name, host, port, tls, caFile, clientCertificateFile, clientKeyFile,
				username, clientId, newVersion, keepAliveSeconds, cleanStart, subscriptions);
	}

	public ConnectionProfile withUsername(String newUsername) {
		return new ConnectionProfile(id, name, host, port, tls, caFile, clientCertificateFile, clientKeyFile,
				newUsername, clientId, version, keepAliveSeconds, cleanStart, subscriptions);
	}

	public ConnectionProfile withTls(String newCaFile, String certificateFile, String keyFile) {
		return new ConnectionProfile(id, name, host, port, true, newCaFile, certificateFile, keyFile, username,
				clientId, version, keepAliveSeconds, cleanStart, subscriptions);
	}

	/** These filters, each at QoS {@value Subscription#DEFAULT_QOS}. */
	public ConnectionProfile withSubscriptions(List<String> filters) {
		return withSubscriptions(Subscription.of(filters).toArray(Subscription[]::new));
	}

	public ConnectionProfile withSubscriptions(Subscription... newSubscriptions) {
		return new ConnectionProfile(id, name, host, port, tls, caFile, clientCertificateFile, clientKeyFile,
				username, clientId, version, keepAliveSeconds, cleanStart, List.of(newSubscriptions));
	}

	/** The topic filters of the subscriptions, without their QoS. */
	public List<String> filters() {
		return Subscription.filters(subscriptions);
	}

	public ConnectionProfile withId(String newId) {
		return new ConnectionProfile(newId, name, host, port, tls, caFile, clientCertificateFile, clientKeyFile,
				username, clientId, version, keepAliveSeconds, cleanStart, subscriptions);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
