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

import java.io.IOException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

import io.mqttdevices.core.preferences.CorePreferences;

/**
 * The local broker's settings: port, LAN on or off, username and largest message in the core preferences (node
 * {@link CorePreferences#NODE}); the password in Eclipse secure storage (encrypted), never in preferences.
 */
public final class LocalBrokerPreferences {

	public static final String PORT = "localBroker.port"; //$NON-NLS-1$
	/** true: listen on every interface (needs a username and password); false: loopback only. */
	public static final String LAN = "localBroker.lan"; //$NON-NLS-1$
	public static final String USERNAME = "localBroker.username"; //$NON-NLS-1$
	/** The largest message the broker takes, in bytes (default: the MQTT maximum). */
	public static final String MAX_MESSAGE_BYTES = "localBroker.maxMessageBytes"; //$NON-NLS-1$

	private static final String SECURE_NODE = "io.mqttdevices/localBroker"; //$NON-NLS-1$
	private static final String PASSWORD = "password"; //$NON-NLS-1$

	private LocalBrokerPreferences() {
	}

	public static int port() {
		return Platform.getPreferencesService().getInt(CorePreferences.NODE, PORT, LocalBrokerConfig.DEFAULT_PORT,
				null);
	}

	public static boolean lan() {
		return Platform.getPreferencesService().getBoolean(CorePreferences.NODE, LAN, false, null);
	}

	public static int maxMessageBytes() {
		return Platform.getPreferencesService().getInt(CorePreferences.NODE, MAX_MESSAGE_BYTES,
				LocalBrokerConfig.MQTT_MAX_MESSAGE_BYTES, null);
	}

	public static String username() {
		return Platform.getPreferencesService().getString(CorePreferences.NODE, USERNAME, "", null); //$NON-NLS-1$
	}

	/** The stored password, or null. */
	public static char[] password() throws StorageException {
		String password = node().get(PASSWORD, null);
		return password == null ? null : password.toCharArray();
	}

	/** Stores the password, encrypted; empty or null removes it. */
	public static void setPassword(char[] password) throws StorageException {
		ISecurePreferences node = node();
		if (password == null || password.length == 0) {
			node.remove(PASSWORD);
		} else {
			node.put(PASSWORD, new String(password), true);
		}
		try {
			SecurePreferencesFactory.getDefault().flush();
		} catch (IOException e) {
			throw new StorageException(StorageException.INTERNAL_ERROR, e);
		}
	}

	/**
	 * The configuration the preferences describe: loopback, or every interface when LAN is on; the credentials
	 * when a username is set.
	 *
	 * @throws StorageException when secure storage cannot be read (e.g. the user cancelled its password prompt)
	 */
	public static LocalBrokerConfig config() throws StorageException {
		String username = username();
		char[] password = username.isEmpty() ? null : password();
		return new LocalBrokerConfig(lan() ? LocalBrokerConfig.ALL_INTERFACES : LocalBrokerConfig.LOOPBACK, port(),
				username.isEmpty() ? null : username, password, maxMessageBytes());
	}

	/** Registers the defaults (called by the core preference initializer). */
	public static void initializeDefaults(IEclipsePreferences defaults) {
		defaults.putInt(PORT, LocalBrokerConfig.DEFAULT_PORT);
		defaults.putBoolean(LAN, false);
		defaults.put(USERNAME, ""); //$NON-NLS-1$
		defaults.putInt(MAX_MESSAGE_BYTES, LocalBrokerConfig.MQTT_MAX_MESSAGE_BYTES);
	}

	private static ISecurePreferences node() {
		return SecurePreferencesFactory.getDefault().node(SECURE_NODE);
	}
}
