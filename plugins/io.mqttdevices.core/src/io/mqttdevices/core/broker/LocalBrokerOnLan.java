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

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.mqtt.MqttSettings;
import io.mqttdevices.core.preferences.CorePreferences;

/**
 * The local broker as a board's broker: listening on the LAN with a username and password, the same ones the
 * Local Broker preference page shows (the password in secure storage).
 */
public final class LocalBrokerOnLan {

	/** The username offered when the local broker has none yet. */
	public static final String DEFAULT_USERNAME = "sensors"; //$NON-NLS-1$

	private static final char[] PASSWORD_CHARACTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789" //$NON-NLS-1$
			.toCharArray();
	private static final int PASSWORD_LENGTH = 20;
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A username and password for the local broker. */
	public record Credentials(String username, char[] password) {
		@Override
		public String toString() {
			return "Credentials[" + username + "]"; //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private LocalBrokerOnLan() {
	}

	/**
	 * The local broker's username and password when it has both, else its username (or {@link #DEFAULT_USERNAME})
	 * with a new password; nothing is stored.
	 */
	public static Credentials proposed() throws StorageException {
		String username = LocalBrokerPreferences.username();
		char[] password = username.isEmpty() ? null : LocalBrokerPreferences.password();
		return new Credentials(username.isEmpty() ? DEFAULT_USERNAME : username,
				password == null || password.length == 0 ? newPassword() : password);
	}

	/** A password of letters and digits (no quotes or backslashes to escape in a board's settings file). */
	public static char[] newPassword() {
		char[] password = new char[PASSWORD_LENGTH];
		for (int i = 0; i < password.length; i++) {
			password[i] = PASSWORD_CHARACTERS[RANDOM.nextInt(PASSWORD_CHARACTERS.length)];
		}
		return password;
	}

	/**
	 * Saves LAN on and these credentials as the local broker's settings, then makes {@code broker} run with them:
	 * started when stopped, restarted when it runs with other settings, left alone when it runs with these.
	 *
	 * @throws LocalBrokerException with a message for the user (e.g. the port in use); the settings stay saved
	 * @throws StorageException     when secure storage cannot be written
	 */
	public static LocalBrokerStatus listen(LocalBroker broker, Credentials credentials)
			throws LocalBrokerException, StorageException {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
		node.putBoolean(LocalBrokerPreferences.LAN, true);
		node.put(LocalBrokerPreferences.USERNAME, credentials.username());
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new LocalBrokerException("The local broker's settings could not be saved: " + e.getMessage()); //$NON-NLS-1$
		}
		LocalBrokerPreferences.setPassword(credentials.password());
		LocalBrokerConfig config = LocalBrokerPreferences.config();
		if (broker.isRunning() && !runsWith(broker, config)) {
			broker.stop();
		}
		return broker.start(config);
	}

	private static boolean runsWith(LocalBroker broker, LocalBrokerConfig config) {
		LocalBrokerStatus status = broker.status();
		Optional<MqttSettings> running = broker.defaultConnection(""); //$NON-NLS-1$
		return status.running() && status.bindAddress().equals(config.bindAddress()) && status.port() == config.port()
				&& running.isPresent() && config.username().equals(running.get().username())
				&& Arrays.equals(config.password(), running.get().password());
	}
}
