/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * A sensor project's passwords in Eclipse secure storage (encrypted), never in preferences, logs or metadata.
 */
public final class ProjectSecrets {

	public static final String WIFI_PASSWORD = "wifi.password"; //$NON-NLS-1$
	public static final String BROKER_PASSWORD = "broker.password"; //$NON-NLS-1$
	private static final String ROOT = "io.mqttdevices/projects"; //$NON-NLS-1$

	private ProjectSecrets() {
	}

	/** Stores one secret of the project, encrypted; an empty value removes it. */
	public static void put(String project, String key, String value) throws StorageException {
		ISecurePreferences node = node(project);
		if (value == null || value.isEmpty()) {
			node.remove(key);
		} else {
			node.put(key, value, true);
		}
		flush();
	}

	/** The stored secret, or null. */
	public static String get(String project, String key) throws StorageException {
		return node(project).get(key, null);
	}

	/** Forgets every secret of the project (when it is deleted). */
	public static void removeAll(String project) throws StorageException {
		node(project).removeNode();
		flush();
	}

	private static ISecurePreferences node(String project) {
		return SecurePreferencesFactory.getDefault().node(ROOT).node(project);
	}

	private static void flush() throws StorageException {
		try {
			SecurePreferencesFactory.getDefault().flush();
		} catch (java.io.IOException e) {
			throw new StorageException(StorageException.INTERNAL_ERROR, e);
		}
	}
}
