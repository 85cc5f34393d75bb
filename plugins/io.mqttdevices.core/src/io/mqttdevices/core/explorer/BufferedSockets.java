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

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each packet's header a byte at a time straight from the
 * socket, one system call per byte; at tens of thousands of messages a second that is most of its time.
 */
final class BufferedSockets extends SocketFactory {

	private static final int BUFFER = 64 * 1024;

	@Override
	public Socket createSocket() {
		return new BufferedSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		Socket socket = new BufferedSocket();
		socket.connect(new java.net.InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = new BufferedSocket();
		socket.bind(new java.net.InetSocketAddress(localHost, localPort));
		socket.connect(new java.net.InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		Socket socket = new BufferedSocket();
		socket.connect(new java.net.InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new BufferedSocket();
		socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
		socket.connect(new java.net.InetSocketAddress(address, port));
		return socket;
	}

	/** A socket that hands out one buffered input stream. */
	private static final class BufferedSocket extends Socket {

		private InputStream in;

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (in == null) {
				in = new BufferedInputStream(super.getInputStream(), BUFFER);
			}
			return in;
		}
	}
}
