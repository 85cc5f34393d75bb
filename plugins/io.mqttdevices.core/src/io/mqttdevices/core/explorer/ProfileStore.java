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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The explorer's saved connection profiles: the profiles (no secrets) as JSON in the core bundle's instance
 * preferences, their passwords and client-key passwords encrypted in Eclipse secure storage.
 */
public final class ProfileStore {

	static final String PREFERENCE_KEY = "explorer.profiles"; //$NON-NLS-1$
	private static final String SECURE_ROOT = "io.mqttdevices/explorer"; //$NON-NLS-1$
	private static final String PASSWORD = "password"; //$NON-NLS-1$
	private static final String KEY_PASSWORD = "keyPassword"; //$NON-NLS-1$

	private final IEclipsePreferences preferences;
	private final ISecurePreferences secure;

	public ProfileStore(IEclipsePreferences preferences, ISecurePreferences secure) {
		this.preferences = preferences;
		this.secure = secure;
	}

	/** The store of this workspace: instance preferences of the core bundle and the default secure storage. */
	public static ProfileStore instance() {
		return new ProfileStore(InstanceScope.INSTANCE.getNode("io.mqttdevices.core"), //$NON-NLS-1$
				SecurePreferencesFactory.getDefault());
	}

	public synchronized List<ConnectionProfile> load() {
		String json = preferences.get(PREFERENCE_KEY, null);
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return ProfileJson.read(json);
	}

	/** Adds the profile or replaces the one with its id. */
	public synchronized void save(ConnectionProfile profile) throws BackingStoreException {
		List<ConnectionProfile> all = new ArrayList<>(load());
		all.removeIf(p -> p.id().equals(profile.id()));
		all.add(profile);
		write(all);
	}

	/** Adds these profiles (or replaces those with their ids) in one write: all of them are saved or none. */
	public synchronized void saveAll(List<ConnectionProfile> profiles) throws BackingStoreException {
		List<ConnectionProfile> all = new ArrayList<>(load());
		for (ConnectionProfile profile : profiles) {
			all.removeIf(p -> p.id().equals(profile.id()));
			all.add(profile);
		}
		write(all);
	}

	/** Whether secure storage holds a secret for this profile id (a password or a key password). */
	public boolean hasSecrets(String id) {
		ISecurePreferences root = secure.node(SECURE_ROOT);
		return root.nodeExists(id) && root.node(id).keys().length > 0;
	}

	/** Forgets the profile and its secrets. */
	public synchronized void remove(String id) throws BackingStoreException, StorageException {
		List<ConnectionProfile> all = new ArrayList<>(load());
		all.removeIf(p -> p.id().equals(id));
		write(all);
		if (secure.node(SECURE_ROOT).nodeExists(id)) {
			secure.node(SECURE_ROOT).node(id).removeNode();
			flushSecure();
		}
	}

	public char[] password(String id) throws StorageException {
		return secret(id, PASSWORD);
	}

	public char[] keyPassword(String id) throws StorageException {
		return secret(id, KEY_PASSWORD);
	}

	/** Stores the password encrypted; null or empty removes it. */
	public void setPassword(String id, char[] password) throws StorageException {
		setSecret(id, PASSWORD, password);
	}

	public void setKeyPassword(String id, char[] password) throws StorageException {
		setSecret(id, KEY_PASSWORD, password);
	}

	private char[] secret(String id, String key) throws StorageException {
		ISecurePreferences root = secure.node(SECURE_ROOT);
		if (!root.nodeExists(id)) {
			return null; // reading makes no node: only a stored secret does
		}
		String value = root.node(id).get(key, null);
		return value == null ? null : value.toCharArray();
	}

	private void setSecret(String id, String key, char[] value) throws StorageException {
		ISecurePreferences node = secure.node(SECURE_ROOT).node(id);
		if (value == null || value.length == 0) {
			node.remove(key);
		} else {
			node.put(key, new String(value), true);
		}
		flushSecure();
	}

	private void write(List<ConnectionProfile> all) throws BackingStoreException {
		preferences.put(PREFERENCE_KEY, ProfileJson.write(all));
		preferences.flush();
	}

	private void flushSecure() throws StorageException {
		try {
			secure.flush();
		} catch (IOException e) {
			throw new StorageException(StorageException.INTERNAL_ERROR, e);
		}
	}
}
