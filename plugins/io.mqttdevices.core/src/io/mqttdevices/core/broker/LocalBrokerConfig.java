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

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the local broker listens: the address it binds (loopback by default), its port, the credentials every
 * client must give (none: anonymous clients, allowed on loopback only), and the largest message it takes. The
 * password is never printed by {@link #toString()}.
 *
 * @param maxMessageBytes the largest MQTT packet a client may send, counted after its fixed header (topic, payload
 *                        and a few bytes), from 1 to {@link #MQTT_MAX_MESSAGE_BYTES}; a larger one is refused,
 *                        reported, and its sender disconnected
 */
public record LocalBrokerConfig(String bindAddress, int port, String username, char[] password, int maxMessageBytes) {

	/** Loopback: only programs on this computer reach the broker. */
	public static final String LOOPBACK = "127.0.0.1"; //$NON-NLS-1$

	/** Every interface: boards on the LAN reach the broker. */
	public static final String ALL_INTERFACES = "0.0.0.0"; //$NON-NLS-1$

	public static final int DEFAULT_PORT = 1883;

	/** The most MQTT allows (a packet's remaining length, 256 MB less one byte); the default limit. */
	public static final int MQTT_MAX_MESSAGE_BYTES = 268_435_455;

	/** With the largest messages MQTT allows. */
	public LocalBrokerConfig(String bindAddress, int port, String username, char[] password) {
		this(bindAddress, port, username, password, MQTT_MAX_MESSAGE_BYTES);
	}

	/** Loopback, anonymous clients. */
	public static LocalBrokerConfig loopback(int port) {
		return new LocalBrokerConfig(LOOPBACK, port, null, null);
	}

	/** Every interface, with the credentials each client must give. */
	public static LocalBrokerConfig lan(int port, String username, char[] password) {
		return new LocalBrokerConfig(ALL_INTERFACES, port, username, password);
	}

	/** The same broker taking messages up to this many bytes. */
	public LocalBrokerConfig withMaxMessageBytes(int bytes) {
		return new LocalBrokerConfig(bindAddress, port, username, password, bytes);
	}

	/** Whether clients must give {@link #username()} and {@link #password()}. */
	public boolean requiresCredentials() {
		return username != null && !username.isEmpty() && password != null && password.length > 0;
	}

	/**
	 * What is wrong with this configuration, for the user, or null when it can be started: a port out of range, a
	 * bind address that is not an address of this computer's form, a LAN address without credentials, a username
	 * without a password.
	 */
	public String problem() {
		if (port < 1 || port > 65535) {
			return "The local broker's port must be between 1 and 65535, not " + port + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (maxMessageBytes < 1 || maxMessageBytes > MQTT_MAX_MESSAGE_BYTES) {
			return "The local broker's largest message must be from 1 to " + MQTT_MAX_MESSAGE_BYTES //$NON-NLS-1$
					+ " bytes (the MQTT maximum), not " + maxMessageBytes + "."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		InetAddress address;
		try {
			address = bindInetAddress();
		} catch (UnknownHostException e) {
			return "'" + bindAddress + "' is not an IP address to listen on."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		boolean hasUser = username != null && !username.isEmpty();
		boolean hasPassword = password != null && password.length > 0;
		if (hasUser != hasPassword) {
			return hasUser ? "The local broker needs a password for user '" + username + "'." //$NON-NLS-1$ //$NON-NLS-2$
					: "The local broker has a password but no username."; //$NON-NLS-1$
		}
		if (!address.isLoopbackAddress() && !hasUser) {
			return "Listening on the LAN (" + bindAddress //$NON-NLS-1$
					+ ") needs a username and password: set them in Preferences > MQTT Devices > Local Broker."; //$NON-NLS-1$
		}
		return null;
	}

	/** Whether only this computer can connect. */
	public boolean isLoopback() {
		try {
			return bindInetAddress().isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}

	/** The host a client on this computer connects to: loopback unless the broker listens on one LAN address. */
	public String connectHost() {
		try {
			InetAddress address = bindInetAddress();
			return address.isAnyLocalAddress() || address.isLoopbackAddress() ? LOOPBACK : bindAddress;
		} catch (UnknownHostException e) {
			return LOOPBACK;
		}
	}

	private InetAddress bindInetAddress() throws UnknownHostException {
		// literal addresses only: a host name would mean a DNS look-up, and "listen on a name" is not an option here
		if (bindAddress == null || !bindAddress.matches("[0-9a-fA-F.:]+")) { //$NON-NLS-1$
			throw new UnknownHostException(String.valueOf(bindAddress));
		}
		return InetAddress.getByName(bindAddress);
	}

	@Override
	public String toString() {
		return "LocalBrokerConfig[" + bindAddress + ":" + port //$NON-NLS-1$ //$NON-NLS-2$
				+ ", username=" + username + ", maxMessageBytes=" + maxMessageBytes + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
