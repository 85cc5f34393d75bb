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

/**
 * Told when the local broker starts, stops, a client connects or leaves, or a message is refused for its size. Called on the thread that made the
 * change (a Job, or one of the broker's threads): a view must hop to the UI thread itself.
 */
@FunctionalInterface
public interface LocalBrokerListener {

	void statusChanged(LocalBrokerStatus status);

	/**
	 * The broker refused a message over its size limit and closed the sender's connection.
	 *
	 * @param message one sentence for the user: size, sender, the limit and where to change it
	 */
	default void messageRefused(String message) {
		// most listeners only show the status
	}
}
