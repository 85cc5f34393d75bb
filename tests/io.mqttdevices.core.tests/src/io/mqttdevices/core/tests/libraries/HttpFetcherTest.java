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

import static io.mqttdevices.tests.fixtures.PackageIndexServer.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.net.proxy.IProxyData;
import org.eclipse.core.net.proxy.IProxyService;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryNotFoundException;
import io.mqttdevices.tests.fixtures.PackageIndexServer;

/** HttpFetcher against a real HTTP server and a real forward proxy on 127.0.0.1, and the IDE's proxy settings. */
class HttpFetcherTest {

	@TempDir
	Path temp;
	private PackageIndexServer server;
	private HttpFetcher fetcher;

	@BeforeEach
	void start() throws IOException {
		server = new PackageIndexServer(temp.resolve("www")).start(0);
		fetcher = new HttpFetcher(temp.resolve("cache"));
	}

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void aFileNamedByItsHashPrefixIsVerifiedCachedAndThenHadOffline() throws Exception {
		byte[] content = bytes("print('hello')\n");
		String hash = server.addFile(content);
		URI uri = URI.create(server.indexUrl() + "/file/" + hash.substring(0, 2) + "/" + hash);

		assertArrayEquals(content, Files.readAllBytes(fetcher.fetch(uri, hash, null)));
		assertEquals(1, server.requests.size());
		server.stop();
		// a new fetcher on the same cache, as after a restart of the IDE, offline
		Path again = new HttpFetcher(temp.resolve("cache")).fetch(uri, hash, null);
		assertArrayEquals(content, Files.readAllBytes(again));
		assertThrows(IllegalArgumentException.class, () -> fetcher.fetch(uri, "abc", null), "a prefix under 8 digits");
	}

	@Test
	void aDownloadWithTheWrongHashIsDiscardedAndSaysSo() throws Exception {
		String claimed = server.addFileAs(bytes("tampered\n"), bytes("original\n"));
		URI uri = URI.create(server.indexUrl() + "/file/" + claimed.substring(0, 2) + "/" + claimed);
		LibraryException e = assertThrows(LibraryException.class, () -> fetcher.fetch(uri, claimed, null));
		assertEquals("The download of " + uri + " was discarded: its SHA-256 starts with "
				+ PackageIndexServer.sha256(bytes("tampered\n")).substring(0, 8) + ", not with " + claimed
				+ " as the index says.", e.getMessage());
		assertEquals(List.of(), cachedFiles(), "nothing unverified is kept");
	}

	@Test
	void notFoundNamesTheUrl() {
		URI uri = URI.create(server.url() + "/pi/v2/package/6/nosuch/latest.json");
		LibraryException e = assertThrows(LibraryNotFoundException.class, () -> fetcher.fetch(uri, null, null));
		assertEquals(uri + " was not found (HTTP 404).", e.getMessage());
	}

	@Test
	void offlineWithoutACopyIsOneSentenceAndWithACopyUsesIt() throws Exception {
		int closed;
		try (ServerSocket probe = new ServerSocket(0)) {
			closed = probe.getLocalPort();
		}
		URI nowhere = URI.create("http://127.0.0.1:" + closed + "/pi/v2/package/py/umqtt.simple/latest.json");
		LibraryException e = assertThrows(LibraryException.class, () -> fetcher.fetch(nowhere, null, null));
		assertEquals("Could not download " + nowhere
				+ ": 127.0.0.1 cannot be reached (offline?), and the download cache has no copy of it.", e.getMessage());

		// a URL without a hash (a package description) is fetched again each time, its last copy serving offline
		server.put("pi/v2/package/py/umqtt.simple/latest.json", bytes("{\"v\": 1}"));
		URI latest = URI.create(server.url() + "/pi/v2/package/py/umqtt.simple/latest.json");
		fetcher.fetch(latest, null, null);
		server.put("pi/v2/package/py/umqtt.simple/latest.json", bytes("{\"v\": 2}"));
		assertEquals("{\"v\": 2}", Files.readString(fetcher.fetch(latest, null, null)));
		assertEquals(2, server.count("/pi/v2/package/py/umqtt.simple/latest.json"));
		server.stop();
		assertEquals("{\"v\": 2}", Files.readString(fetcher.fetch(latest, null, null)));
	}

	@Test
	void fileUrlsWorkLikeAMirror() throws Exception {
		Path folder = Files.createDirectories(temp.resolve("mirror"));
		Files.writeString(folder.resolve("a.py"), "A = 1\n");
		Path got = fetcher.fetch(folder.resolve("a.py").toUri(), PackageIndexServer.sha256(bytes("A = 1\n")), null);
		assertEquals("A = 1\n", Files.readString(got));
		LibraryException e = assertThrows(LibraryNotFoundException.class,
				() -> fetcher.fetch(folder.resolve("b.py").toUri(), null, new NullProgressMonitor()));
		assertEquals(folder.resolve("b.py").toUri() + " was not found.", e.getMessage());
	}

	@Test
	void downloadsGoThroughTheProxyTheIdeSettingsNameExceptForNonProxiedHosts() throws Exception {
		server.put("through-proxy.py", bytes("P = 1\n"));
		server.put("direct.py", bytes("D = 1\n"));
		BundleContext context = FrameworkUtil.getBundle(HttpFetcher.class).getBundleContext();
		ServiceReference<IProxyService> reference = context.getServiceReference(IProxyService.class);
		assertNotNull(reference, "org.eclipse.core.net's proxy service");
		IProxyService proxies = context.getService(reference);
		boolean wasEnabled = proxies.isProxiesEnabled();
		boolean wasSystem = proxies.isSystemProxiesEnabled();
		String[] wasNonProxied = proxies.getNonProxiedHosts();
		IProxyData http = proxies.getProxyData(IProxyData.HTTP_PROXY_TYPE);
		String wasHost = http.getHost();
		int wasPort = http.getPort();
		try (ForwardProxy proxy = new ForwardProxy()) {
			http.setHost("127.0.0.1");
			http.setPort(proxy.port());
			proxies.setProxyData(new IProxyData[] { http });
			proxies.setNonProxiedHosts(new String[0]);
			proxies.setSystemProxiesEnabled(false);
			proxies.setProxiesEnabled(true);

			URI through = URI.create(server.url() + "/through-proxy.py");
			assertEquals("P = 1\n", Files.readString(fetcher.fetch(through, null, null)));
			assertEquals(List.of(through.toString()), proxy.relayed, "the proxy relayed the download");

			proxies.setNonProxiedHosts(new String[] { "127.0.0.1" });
			assertEquals("D = 1\n", Files.readString(fetcher.fetch(URI.create(server.url() + "/direct.py"), null, null)));
			assertEquals(List.of(through.toString()), proxy.relayed, "a non-proxied host goes direct");
			assertEquals(List.of("/through-proxy.py", "/direct.py"), server.requests);
		} finally {
			http.setHost(wasHost);
			http.setPort(wasPort);
			proxies.setProxyData(new IProxyData[] { http });
			proxies.setNonProxiedHosts(wasNonProxied);
			proxies.setSystemProxiesEnabled(wasSystem);
			proxies.setProxiesEnabled(wasEnabled);
			context.ungetService(reference);
		}
	}

	private List<Path> cachedFiles() throws IOException {
		Path cache = temp.resolve("cache");
		if (!Files.exists(cache)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(cache)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	static boolean isOneSentence(String message) {
		return !message.contains("\n") && !message.contains("Exception") && message.endsWith(".");
	}

	static void assertOneSentence(String message) {
		assertTrue(isOneSentence(message), message);
		assertFalse(message.contains(" at "), message);
	}
}
