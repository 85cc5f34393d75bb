/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.moquette.broker.security.IAuthenticator;

/** Lets in the one user of the local broker's configuration, comparing passwords in constant time. */
final class CredentialsAuthenticator implements IAuthenticator {

	private final String username;
	private final byte[] password;

	CredentialsAuthenticator(String username, char[] password) {
		this.username = username;
		this.password = new String(password).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean checkValid(String clientId, String givenUsername, byte[] givenPassword) {
		return givenUsername != null && givenPassword != null && username.equals(givenUsername)
				&& MessageDigest.isEqual(password, givenPassword);
	}
}
