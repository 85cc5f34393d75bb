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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory of a profile, with the JDK's own parsers: a CA file (PEM or DER certificates) to trust
 * instead of the system's, and for client authentication a PEM certificate with a PKCS#8 PEM key (plain or
 * encrypted with the key password) or a PKCS#12 file (.p12/.pfx) holding both.
 */
final class TlsSockets {

	private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----"; //$NON-NLS-1$
	private static final String ENCRYPTED_BEGIN = "-----BEGIN ENCRYPTED PRIVATE KEY-----"; //$NON-NLS-1$

	private TlsSockets() {
	}

	/** Null when the profile does not use TLS. */
	static SSLSocketFactory of(ConnectionProfile profile, char[] keyPassword) throws TlsSetupException {
		if (!profile.tls()) {
			return null;
		}
		try {
			TrustManagerFactory trust = null;
			if (profile.caFile() != null) {
				KeyStore store = emptyStore();
				int i = 0;
				for (Certificate certificate : certificates(profile.caFile())) {
					store.setCertificateEntry("ca" + i++, certificate); //$NON-NLS-1$
				}
				trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trust.init(store);
			}
			KeyManagerFactory keys = null;
			if (profile.clientCertificateFile() != null || profile.clientKeyFile() != null) {
				char[] password = keyPassword == null ? new char[0] : keyPassword;
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keys.init(clientKeyStore(profile, password), password);
			}
			SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
			context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
					null);
			return context.getSocketFactory();
		} catch (IOException | GeneralSecurityException e) {
			throw new TlsSetupException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
		}
	}

	private static KeyStore clientKeyStore(ConnectionProfile profile, char[] password)
			throws IOException, GeneralSecurityException {
		String keyFile = profile.clientKeyFile() != null ? profile.clientKeyFile() : profile.clientCertificateFile();
		String lower = keyFile.toLowerCase();
		if (lower.endsWith(".p12") || lower.endsWith(".pfx")) { //$NON-NLS-1$ //$NON-NLS-2$
			KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
			try (InputStream in = Files.newInputStream(Path.of(keyFile))) {
				store.load(in, password);
			} catch (IOException e) {
				if (e.getCause() instanceof UnrecoverableKeyException) {
					throw new TlsSetupException(password.length == 0 ? "The client key is encrypted: enter its password" //$NON-NLS-1$
							: "The client key password is wrong", e); //$NON-NLS-1$
				}
				throw e;
			}
			return store;
		}
		if (profile.clientCertificateFile() == null) {
			throw new TlsSetupException("A client key needs its client certificate", null); //$NON-NLS-1$
		}
		PrivateKey key = privateKey(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII), password);
		Collection<? extends Certificate> chain = certificates(profile.clientCertificateFile());
		KeyStore store = emptyStore();
		store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0])); //$NON-NLS-1$
		return store;
	}

	private static PrivateKey privateKey(String pem, char[] password) throws IOException, GeneralSecurityException {
		byte[] der;
		PKCS8EncodedKeySpec spec;
		if (pem.contains(ENCRYPTED_BEGIN)) {
			if (password.length == 0) {
				throw new TlsSetupException("The client key is encrypted: enter its password", null); //$NON-NLS-1$
			}
			der = pemBody(pem, ENCRYPTED_BEGIN);
			EncryptedPrivateKeyInfo info;
			Cipher cipher;
			try {
				info = new EncryptedPrivateKeyInfo(der);
				SecretKeyFactory factory = SecretKeyFactory.getInstance(info.getAlgName());
				cipher = Cipher.getInstance(info.getAlgName());
				cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password)),
						info.getAlgParameters());
			} catch (IOException | GeneralSecurityException e) {
				throw new TlsSetupException("The client key is encrypted in a way Java cannot read (" + e.getMessage() //$NON-NLS-1$
						+ "); re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 " //$NON-NLS-1$
						+ "-in key.pem -out key-aes.pem", e); //$NON-NLS-1$
			}
			try {
				spec = info.getKeySpec(cipher);
			} catch (GeneralSecurityException e) {
				throw new TlsSetupException("The client key password is wrong", e); //$NON-NLS-1$
			}
		} else if (pem.contains(PKCS8_BEGIN)) {
			spec = new PKCS8EncodedKeySpec(pemBody(pem, PKCS8_BEGIN));
		} else {
			throw new TlsSetupException("The client key must be PKCS#8 PEM (BEGIN PRIVATE KEY or BEGIN ENCRYPTED " //$NON-NLS-1$
					+ "PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -in key.pem -out key8.pem", null); //$NON-NLS-1$
		}
		for (String algorithm : new String[] { "RSA", "EC", "Ed25519", "DSA" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			} catch (GeneralSecurityException e) {
				// try the next algorithm
			}
		}
		throw new TlsSetupException("The client key is of an unknown kind (not RSA, EC, Ed25519 or DSA)", null); //$NON-NLS-1$
	}

	private static byte[] pemBody(String pem, String begin) {
		int start = pem.indexOf(begin) + begin.length();
		int end = pem.indexOf("-----END", start); //$NON-NLS-1$
		return Base64.getMimeDecoder().decode(pem.substring(start, end));
	}

	private static Collection<? extends Certificate> certificates(String file)
			throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in); //$NON-NLS-1$
			if (all.isEmpty()) {
				throw new TlsSetupException("No certificate in " + file, null); //$NON-NLS-1$
			}
			return all;
		}
	}

	private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		return store;
	}

	/** The TLS material of a profile cannot be read or used; the message says what is wrong. */
	static final class TlsSetupException extends GeneralSecurityException {

		private static final long serialVersionUID = 1L;

		TlsSetupException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
