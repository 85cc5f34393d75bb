/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.libraries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real HTTP forward proxy on 127.0.0.1: takes requests in absolute form ({@code GET http://host/path}),
 * fetches them directly and relays status and body, one request per connection. Records what it relayed.
 */
final class ForwardProxy implements AutoCloseable {

	final List<String> relayed = new CopyOnWriteArrayList<>();
	private final ServerSocket socket;
	private final Thread acceptor;

	ForwardProxy() throws IOException {
		socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
		acceptor = new Thread(this::accept, "test forward proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return socket.getLocalPort();
	}

	private void accept() {
		while (!socket.isClosed()) {
			try (Socket client = socket.accept()) {
				client.setSoTimeout(10_000);
				relay(client);
			} catch (IOException e) {
				// closed, or one bad request: the next one
			}
		}
	}

	private void relay(Socket client) throws IOException {
		InputStream in = client.getInputStream();
		String requestLine = readLine(in);
		while (!readLine(in).isEmpty()) {
			// headers: not needed for a GET
		}
		String[] parts = requestLine.split(" ");
		OutputStream out = client.getOutputStream();
		if (parts.length != 3 || !parts[0].equals("GET") || !parts[1].startsWith("http://")) {
			out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			return;
		}
		relayed.add(parts[1]);
		HttpURLConnection target = (HttpURLConnection) URI.create(parts[1]).toURL().openConnection(Proxy.NO_PROXY);
		target.setConnectTimeout(5000);
		target.setReadTimeout(5000);
		int status = target.getResponseCode();
		InputStream body = status < 400 ? target.getInputStream() : target.getErrorStream();
		byte[] content = body == null ? new byte[0] : body.readAllBytes();
		out.write(("HTTP/1.1 " + status + " Relayed\r\nContent-Length: " + content.length
				+ "\r\nVia: 1.1 test-proxy\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(content);
		out.flush();
		target.disconnect();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
