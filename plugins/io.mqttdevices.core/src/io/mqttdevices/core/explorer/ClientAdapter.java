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

import java.util.List;

import javax.net.ssl.SSLSocketFactory;

/** What a connection needs from a Paho client, MQTT 5 or 3.1.1 alike. Blocking calls wait at most their timeout. */
interface ClientAdapter {

	/** Connects once; after a loss, the connection calls {@link #reconnect(long)} when it wants to try again. */
	void connect(ConnectionProfile profile, char[] password, SSLSocketFactory tls, long timeoutMs) throws Exception;

	/** Connects the same client again, with the options of {@link #connect}, after a loss. */
	void reconnect(long timeoutMs) throws Exception;

	void subscribe(List<String> filters, int qos, long timeoutMs) throws Exception;

	void unsubscribe(List<String> filters, long timeoutMs) throws Exception;

	void publish(OutgoingMessage message, long timeoutMs) throws Exception;

	boolean isConnected();

	/** Disconnects if connected and frees the client; never throws. */
	void close(long timeoutMs);

	/** What the client reports, on its own callback thread. */
	interface Events {

		void messageArrived(String topic, TopicMessage message);

		void connected(boolean reconnect);

		void lost(Throwable cause);
	}
}
