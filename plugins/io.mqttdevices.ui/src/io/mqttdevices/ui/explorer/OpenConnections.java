/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.explorer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mqttdevices.core.explorer.BrokerConnection;

/** The explorer's open connections (several at once), shared by every Topic Explorer view of the workbench. */
public final class OpenConnections {

	private static final OpenConnections INSTANCE = new OpenConnections();

	private final List<BrokerConnection> connections = new CopyOnWriteArrayList<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private OpenConnections() {
	}

	public static OpenConnections get() {
		return INSTANCE;
	}

	public List<BrokerConnection> all() {
		return List.copyOf(connections);
	}

	public void add(BrokerConnection connection) {
		connections.add(connection);
		fire();
	}

	/** Closes the connection (on the calling thread: call it from a Job) and forgets it. */
	public void close(BrokerConnection connection) {
		connections.remove(connection);
		connection.close();
		fire();
	}

	/** Closes every connection (the tests' clean-up). */
	public void closeAll() {
		for (BrokerConnection connection : all()) {
			close(connection);
		}
	}

	/** Told, on any thread, when a connection is added or closed. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	private void fire() {
		listeners.forEach(Runnable::run);
	}
}
