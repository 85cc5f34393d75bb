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

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.mqttdevices.core.explorer.ConnectionException.Kind;

/**
 * Turns what Paho and the JDK throw into one clear sentence each: unknown host, refused, bad credentials, not
 * authorised, TLS failure, no answer. Never a stack trace for the user (the cause stays attached for the log).
 */
public final class ConnectionErrors {

	/** MQTT 5 CONNACK reason codes. */
	private static final int V5_BAD_CREDENTIALS = 0x86;
	private static final int V5_NOT_AUTHORIZED = 0x87;
	private static final int V5_UNSUPPORTED_VERSION = 0x84;
	private static final int V5_BAD_CLIENT_ID = 0x85;
	/** MQTT 3.1.1 CONNACK return codes, as Paho v3 reports them. */
	private static final int V3_BAD_VERSION = 1;
	private static final int V3_BAD_CLIENT_ID = 2;
	private static final int V3_BAD_CREDENTIALS = 4;
	private static final int V3_NOT_AUTHORIZED = 5;
	/** Paho's own codes (same in v3 and v5). */
	static final int PAHO_TIMEOUT = 32000;
	static final int PAHO_CONNECTION_LOST = 32109;

	private ConnectionErrors() {
	}

	public static ConnectionException describe(Throwable error, ConnectionProfile profile) {
		String where = profile.host() + ':' + profile.port();
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof ConnectionException known) {
				return known;
			}
			if (t instanceof UnknownHostException) {
				return new ConnectionException(Kind.UNKNOWN_HOST, "Unknown host '" + profile.host() //$NON-NLS-1$
						+ "': check the broker's name.", error); //$NON-NLS-1$
			}
			if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
				return new ConnectionException(Kind.REFUSED, "Connection to " + where //$NON-NLS-1$
						+ " refused: is the broker running, and is this its port?", error); //$NON-NLS-1$
			}
			if (t instanceof TlsSockets.TlsSetupException || t instanceof NoSuchFileException) {
				return new ConnectionException(Kind.TLS, "TLS settings cannot be used: " + detail(t), error); //$NON-NLS-1$
			}
			String alert = TlsVerdict.alert(t);
			if (alert != null) {
				return TlsAlerts.describe(alert, where, profile, error);
			}
			if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
				return new ConnectionException(Kind.TLS, "TLS handshake with " + where //$NON-NLS-1$
						+ " failed: the broker's certificate is not trusted or does not match the host (choose the " //$NON-NLS-1$
						+ "CA file that signed it). " + detail(t), error); //$NON-NLS-1$
			}
			if (t instanceof SSLException) {
				return new ConnectionException(Kind.TLS, "TLS with " + where + " failed: " + detail(t) //$NON-NLS-1$ //$NON-NLS-2$
						+ " (does the broker speak TLS on this port?)", error); //$NON-NLS-1$
			}
			if (t instanceof SocketTimeoutException) {
				return timeout(where, error);
			}
		}
		int code = reasonCode(error);
		boolean v5 = profile.version() == MqttVersion.V5;
		if (v5 ? code == V5_BAD_CREDENTIALS : code == V3_BAD_CREDENTIALS) {
			return new ConnectionException(Kind.BAD_CREDENTIALS, "The broker at " + where //$NON-NLS-1$
					+ " refused the user name or password.", error); //$NON-NLS-1$
		}
		if (v5 ? code == V5_NOT_AUTHORIZED : code == V3_NOT_AUTHORIZED) {
			return new ConnectionException(Kind.NOT_AUTHORIZED, "The broker at " + where //$NON-NLS-1$
					+ " does not authorise this client: check the user name, password or client certificate.", error); //$NON-NLS-1$
		}
		if (v5 ? code == V5_BAD_CLIENT_ID : code == V3_BAD_CLIENT_ID) {
			return new ConnectionException(Kind.PROTOCOL, "The broker at " + where //$NON-NLS-1$
					+ " rejected the client id; try another one or leave it empty.", error); //$NON-NLS-1$
		}
		if (v5 ? code == V5_UNSUPPORTED_VERSION : code == V3_BAD_VERSION) {
			return new ConnectionException(Kind.PROTOCOL, "The broker at " + where + " does not speak MQTT " //$NON-NLS-1$ //$NON-NLS-2$
					+ profile.version().label() + "; choose the other protocol version.", error); //$NON-NLS-1$
		}
		if (code == PAHO_TIMEOUT) {
			return timeout(where, error);
		}
		if (code == PAHO_CONNECTION_LOST || closedSocket(error)) {
			return new ConnectionException(Kind.LOST, "The broker at " + where //$NON-NLS-1$
					+ " closed the connection" + (profile.tls() ? "." : " (does it expect TLS?)."), error); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new ConnectionException(Kind.OTHER, "Cannot use the broker at " + where + ": " + detail(error), error); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static ConnectionException timeout(String where, Throwable error) {
		return new ConnectionException(Kind.TIMEOUT, "No answer from " + where //$NON-NLS-1$
				+ " in time: is the host reachable and a broker listening there?", error); //$NON-NLS-1$
	}

	/** A reset, a broken pipe, an end of stream: the broker closed the socket. */
	private static boolean closedSocket(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof SocketException || t instanceof EOFException) {
				return true;
			}
		}
		return false;
	}

	static int reasonCode(Throwable error) {
		if (error instanceof org.eclipse.paho.mqttv5.common.MqttException e) {
			return e.getReasonCode();
		}
		if (error instanceof org.eclipse.paho.client.mqttv3.MqttException e) {
			return e.getReasonCode();
		}
		return -1;
	}

	private static String detail(Throwable t) {
		String message = t.getMessage();
		return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
	}
}
