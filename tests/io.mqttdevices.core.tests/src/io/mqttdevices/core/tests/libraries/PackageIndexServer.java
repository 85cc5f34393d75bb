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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A package index in micropython-lib's layout version 2, built by the test in a folder and served by the JDK's HTTP
 * server on 127.0.0.1: {@code package/<flavour>/<name>/<version>.json} and {@code latest.json}, files under
 * {@code file/<h[:2]>/<h>} named by the first 8 hex digits of their SHA-256, as micropython-lib's index does.
 * Anything else in the folder (URL packages) is served as it is; what is not there is a 404.
 */
final class PackageIndexServer implements AutoCloseable {

	/** umqtt.simple 1.8.0 as micropython-lib publishes it (shared/device-libs, unchanged upstream). */
	static final Path SIMPLE_PY = Path.of("").toAbsolutePath()
			.resolve("../../../shared/device-libs/micropython/umqtt/simple.py").normalize();

	final Path root;
	final List<String> requests = new CopyOnWriteArrayList<>();
	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
	private HttpServer server;
	private int port;
	private ExecutorService executor;

	PackageIndexServer(Path root) {
		this.root = root;
	}

	/** Starts serving; again after {@link #stop()} on the same port when {@code port} is not 0. */
	PackageIndexServer start(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		executor = Executors.newFixedThreadPool(2);
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			requests.add(path);
			counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
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
		});
		server.start();
		this.port = server.getAddress().getPort();
		return this;
	}

	/** The port it serves on, or served on before {@link #stop()}. */
	int port() {
		return port;
	}

	String url() {
		return "http://127.0.0.1:" + port();
	}

	/** The index's base URL, as the preference names it. */
	String indexUrl() {
		return url() + "/pi/v2";
	}

	void stop() {
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
			server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	/** Adds a file to the index; returns the short hash it is named by. */
	String addFile(byte[] content) throws IOException {
		return addFileAs(content, content);
	}

	/** Adds content under the short hash of other bytes: a file the index names by the wrong hash. */
	String addFileAs(byte[] content, byte[] hashedContent) throws IOException {
		String hash = sha256(hashedContent).substring(0, 8);
		Path file = root.resolve("pi/v2/file/" + hash.substring(0, 2) + "/" + hash);
		Files.createDirectories(file.getParent());
		Files.write(file, content);
		return hash;
	}

	/**
	 * Adds a package's description for one flavour, as {@code <version>.json} and {@code latest.json}.
	 *
	 * @param hashes target path → short hash
	 * @param deps dependency names (version latest)
	 */
	void addPackage(String flavour, String name, String version, Map<String, String> hashes, List<String> deps)
			throws IOException {
		StringBuilder json = new StringBuilder("{\"v\": 1, \"version\": \"" + version + "\", \"hashes\": [");
		json.append(String.join(", ", hashes.entrySet().stream()
				.map(e -> "[\"" + e.getKey() + "\", \"" + e.getValue() + "\"]").toList()));
		json.append("], \"deps\": [");
		json.append(String.join(", ", deps.stream().map(d -> "[\"" + d + "\", \"latest\"]").toList()));
		json.append("]}");
		Path folder = root.resolve("pi/v2/package/" + flavour + "/" + name);
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(version + ".json"), json);
		Files.writeString(folder.resolve("latest.json"), json);
	}

	/** Any file under the server's root, e.g. a URL package. */
	void put(String path, byte[] content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.write(file, content);
	}

	int count(String path) {
		AtomicInteger count = counts.get(path);
		return count == null ? 0 : count.get();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
