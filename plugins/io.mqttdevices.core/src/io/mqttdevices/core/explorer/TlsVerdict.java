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
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Why a broker ended a TLS connection it had let through the handshake. With TLS 1.3 the client has finished its
 * handshake before the broker has checked the client certificate, so Paho sends CONNECT at once; a broker that
 * refuses the certificate sends an alert and closes, and depending on timing Paho reports that alert or only the
 * broken pipe or reset of writing CONNECT to a closed socket. After such a failure this class shakes hands once
 * more, sends nothing, and reads the broker's verdict: its alert (such as {@code certificate_required}), which
 * {@link ConnectionErrors} turns into a sentence.
 */
public final class TlsVerdict {

	/** How long the broker has, after the handshake, to send its alert. */
	private static final int VERDICT_MS = 3000;
	private static final int ATTEMPTS = 3;
	private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)"); //$NON-NLS-1$

	private TlsVerdict() {
	}

	/**
	 * The broker's alert when {@code error} is a TLS connection closed without one (the alert carries the original
	 * error as suppressed); else {@code error} itself. Only after such a failure does it connect again: at most
	 * {@value #ATTEMPTS} times, each within the timeout plus {@value #VERDICT_MS} ms.
	 */
	public static Throwable explain(Throwable error, ConnectionProfile profile, char[] keyPassword, long timeoutMs) {
		if (!profile.tls() || !closedWithoutReason(error)) {
			return error;
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				ask(profile, keyPassword, timeoutMs);
				return error; // the broker waits for CONNECT or closed quietly: it has nothing against this client
			} catch (SSLException verdict) {
				if (alert(verdict) != null) {
					verdict.addSuppressed(error);
					return verdict;
				}
				if (!(verdict.getCause() instanceof SocketException || verdict.getCause() instanceof EOFException)) {
					return error;
				}
			} catch (SocketException | EOFException e) {
				// the same race once more (our handshake's last write met the broker's close): ask again
			} catch (IOException | GeneralSecurityException e) {
				return error;
			}
		}
		return error;
	}

	/** Shakes hands, sends nothing, and waits for what the broker says; returns when it says nothing. */
	private static void ask(ConnectionProfile profile, char[] keyPassword, long timeoutMs)
			throws IOException, GeneralSecurityException {
		try (Socket plain = new Socket()) {
			plain.connect(new InetSocketAddress(profile.host(), profile.port()), (int) timeoutMs);
			SSLSocketFactory factory = TlsSockets.of(profile, keyPassword);
			try (SSLSocket socket = (SSLSocket) factory.createSocket(plain, profile.host(), profile.port(), true)) {
				socket.setSoTimeout(VERDICT_MS);
				socket.startHandshake();
				// an MQTT broker sends nothing before CONNECT: whatever comes now is its verdict
				socket.getInputStream().read();
			}
		} catch (SocketTimeoutException e) {
			// silence: the broker accepted the handshake
		}
	}

	/** The name of the TLS alert the broker sent (such as {@code unknown_ca}), or null if it did not send one. */
	static String alert(Throwable t) {
		String message = t.getMessage();
		if (!(t instanceof SSLException) || message == null) {
			return null;
		}
		Matcher matcher = ALERT.matcher(message);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The socket was reset, or closed before CONNACK, and nothing says why. */
	private static boolean closedWithoutReason(Throwable error) {
		boolean closed = ConnectionErrors.reasonCode(error) == ConnectionErrors.PAHO_CONNECTION_LOST;
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof SSLException || t instanceof ConnectionException || t instanceof UnknownHostException
					|| t instanceof ConnectException || t instanceof NoRouteToHostException
					|| t instanceof SocketTimeoutException || t instanceof TlsSockets.TlsSetupException) {
				return false;
			}
			closed |= t instanceof SocketException || t instanceof EOFException;
		}
		return closed;
	}
}
