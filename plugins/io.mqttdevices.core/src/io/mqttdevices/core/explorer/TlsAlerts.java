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

import io.mqttdevices.core.explorer.ConnectionException.Kind;

/**
 * The TLS alert a broker ended the handshake with, as one sentence: most say what it thinks of the client
 * certificate (none, from a CA it does not trust, expired, not matching its key).
 */
final class TlsAlerts {

	private TlsAlerts() {
	}

	static ConnectionException describe(String alert, String where, ConnectionProfile profile, Throwable error) {
		boolean certificate = profile.clientCertificateFile() != null;
		String broker = "The broker at " + where; //$NON-NLS-1$
		String message = switch (alert) {
			case "certificate_required" -> certificate //$NON-NLS-1$
					? broker + " requires a client certificate and got none it could use: choose a certificate signed " //$NON-NLS-1$
							+ "by a CA the broker trusts." //$NON-NLS-1$
					: broker + " requires a client certificate: choose the certificate and key it accepts in the " //$NON-NLS-1$
							+ "connection's TLS settings."; //$NON-NLS-1$
			case "unknown_ca" -> broker //$NON-NLS-1$
					+ " does not accept this client certificate: it wants one signed by a CA it trusts."; //$NON-NLS-1$
			case "certificate_expired" -> broker //$NON-NLS-1$
					+ " does not accept this client certificate: it has expired, or the clocks disagree."; //$NON-NLS-1$
			case "certificate_revoked" -> broker + " does not accept this client certificate: it was revoked."; //$NON-NLS-1$ //$NON-NLS-2$
			case "decrypt_error" -> certificate //$NON-NLS-1$
					? broker + " could not verify the client certificate's signature: is the key file the " //$NON-NLS-1$
							+ "certificate's own key?" //$NON-NLS-1$
					: other(broker, alert);
			case "bad_certificate", "certificate_unknown", "unsupported_certificate", "access_denied" -> certificate //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					? broker + " does not accept this client certificate (" + alert //$NON-NLS-1$
							+ "): check that it is valid and signed by a CA the broker trusts." //$NON-NLS-1$
					: broker + " refused the TLS connection (" + alert + "): it probably requires a client " //$NON-NLS-1$ //$NON-NLS-2$
							+ "certificate; choose one in the connection's TLS settings."; //$NON-NLS-1$
			case "handshake_failure" -> broker + " refused the TLS handshake (handshake_failure): it may " //$NON-NLS-1$ //$NON-NLS-2$
					+ (certificate ? "not accept this client certificate" : "require a client certificate") //$NON-NLS-1$ //$NON-NLS-2$
					+ ", or want a TLS version or cipher this client lacks."; //$NON-NLS-1$
			default -> other(broker, alert);
		};
		return new ConnectionException(Kind.TLS, message, error);
	}

	private static String other(String broker, String alert) {
		return broker + " refused the TLS connection (" + alert + ")."; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
