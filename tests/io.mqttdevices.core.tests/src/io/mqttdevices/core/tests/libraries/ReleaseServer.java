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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server (the JDK's) on 127.0.0.1 and a free port, serving the files of a folder by path and 404 for
 * anything else; it records the paths asked for. Test helper.
 */
final class ReleaseServer implements AutoCloseable {

	private final HttpServer server;
	private final Path root;
	private final List<String> requests = new CopyOnWriteArrayList<>();

	ReleaseServer(Path root) throws IOException {
		this.root = root;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	/** {@code http://127.0.0.1:<port>/<path>}. */
	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
	}

	/** The paths asked for so far. */
	List<String> requests() {
		return List.copyOf(requests);
	}

	/** Stops answering: the port is closed, as when the machine is offline. */
	void stop() {
		server.stop(0);
	}

	@Override
	public void close() {
		stop();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		requests.add(path);
		Path file = root.resolve(path.substring(1)).normalize();
		try (exchange) {
			if (!file.startsWith(root) || !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = Files.readAllBytes(file);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}
}
