/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.templates.Runtime;

/**
 * The declared names the package index or bundle said it does not have, the last time it was read, so that the
 * builder can mark them in {@code package.json} or {@code requirements.txt} without going to the network. A read of
 * another source (the index URL changed) starts the list anew. Kept in the workspace's preferences, so it holds
 * across restarts.
 */
public final class UnknownLibraries {

	private static final String KEY = "libraries.unknown."; //$NON-NLS-1$
	private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

	private UnknownLibraries() {
	}

	/**
	 * What a read of {@code source} found: {@code unknown} names it does not have, {@code known} ones it has.
	 * Listeners hear of a change.
	 */
	public static synchronized void record(Runtime runtime, String source, Collection<String> unknown,
			Collection<String> known) {
		Set<String> names = new LinkedHashSet<>(names(runtime, source));
		boolean changed = names.addAll(unknown);
		changed |= names.removeAll(known);
		if (!changed && source.equals(storedSource(runtime))) {
			return;
		}
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
		node.put(KEY + runtime.name().toLowerCase(Locale.ROOT), source + '\n' + String.join("\n", names)); //$NON-NLS-1$
		try {
			node.flush();
		} catch (BackingStoreException e) {
			// kept for this session; the next read of the index finds the names again
		}
		LISTENERS.forEach(Runnable::run);
	}

	/** The names the source last read does not have. */
	public static synchronized Set<String> names(Runtime runtime) {
		String[] stored = stored(runtime);
		Set<String> names = new LinkedHashSet<>(List.of(stored).subList(Math.min(1, stored.length), stored.length));
		names.remove(""); //$NON-NLS-1$
		return names;
	}

	/** The names {@code source} does not have, as its last read found; empty after a read of another source. */
	private static Set<String> names(Runtime runtime, String source) {
		return source.equals(storedSource(runtime)) ? names(runtime) : Set.of();
	}

	/** Told, on the recording thread, when the names change. */
	public static void addListener(Runnable listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Runnable listener) {
		LISTENERS.remove(listener);
	}

	private static String storedSource(Runtime runtime) {
		String[] stored = stored(runtime);
		return stored.length == 0 ? null : stored[0];
	}

	private static String[] stored(Runtime runtime) {
		String value = InstanceScope.INSTANCE.getNode(CorePreferences.NODE)
				.get(KEY + runtime.name().toLowerCase(Locale.ROOT), ""); //$NON-NLS-1$
		return value.isEmpty() ? new String[0] : value.split("\n", -1); //$NON-NLS-1$
	}
}
