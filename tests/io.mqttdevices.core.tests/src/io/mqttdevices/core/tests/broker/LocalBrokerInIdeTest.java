/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.preferences.CorePreferences;

/** The IDE's local broker: one OSGi service, settings from preferences, its password in secure storage only. */
class LocalBrokerInIdeTest {

	private final IEclipsePreferences instance = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);

	@AfterEach
	void reset() throws Exception {
		instance.clear();
		instance.flush();
		LocalBrokerPreferences.setPassword(null);
		LocalBroker.ide().ifPresent(LocalBroker::stop);
	}

	@Test
	void theIdeHasOneLocalBrokerService() throws Exception {
		LocalBroker broker = LocalBroker.ide().orElseThrow(() -> new AssertionError("no LocalBroker service"));
		assertSame(broker, LocalBroker.ide().orElseThrow());
		int port = LocalBrokerTest.freePort();
		broker.start(LocalBrokerConfig.loopback(port));
		assertTrue(LocalBroker.ide().orElseThrow().isRunning(), "the same running instance is handed out");
	}

	@Test
	void deactivatingTheComponentAsWhenTheIdeClosesStopsTheBroker() throws Exception {
		Bundle core = FrameworkUtil.getBundle(LocalBroker.class);
		BundleContext context = core.getBundleContext();
		ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
		ServiceComponentRuntime runtime = context.getService(reference);
		try {
			ComponentDescriptionDTO component = runtime.getComponentDescriptionDTO(core,
					"io.mqttdevices.core.localBroker");
			LocalBroker broker = LocalBroker.ide().orElseThrow();
			int port = LocalBrokerTest.freePort();
			broker.start(LocalBrokerConfig.loopback(port));

			// what SCR does to the bundle's components when the bundle stops
			runtime.disableComponent(component).getValue();
			assertFalse(broker.isRunning());
			assertTrue(LocalBroker.ide().isEmpty());
			try (Socket socket = new Socket()) {
				assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", port), 500));
			}

			runtime.enableComponent(component).getValue();
			assertNotSame(broker, LocalBroker.ide().orElseThrow());
		} finally {
			context.ungetService(reference);
		}
	}

	@Test
	void defaultsAreLoopbackOn1883WithoutCredentials() throws Exception {
		assertEquals(1883, LocalBrokerPreferences.port());
		assertFalse(LocalBrokerPreferences.lan());
		LocalBrokerConfig config = LocalBrokerPreferences.config();
		assertEquals("127.0.0.1", config.bindAddress());
		assertEquals(1883, config.port());
		assertNull(config.username());
		assertNull(config.problem());
	}

	@Test
	void lanPreferenceWithUserTakesThePasswordFromSecureStorage() throws Exception {
		instance.putInt(LocalBrokerPreferences.PORT, 2883);
		instance.putBoolean(LocalBrokerPreferences.LAN, true);
		instance.put(LocalBrokerPreferences.USERNAME, "sensor");
		LocalBrokerPreferences.setPassword("s3cret-pass".toCharArray());

		LocalBrokerConfig config = LocalBrokerPreferences.config();
		assertEquals("0.0.0.0", config.bindAddress());
		assertEquals(2883, config.port());
		assertEquals("sensor", config.username());
		assertArrayEquals("s3cret-pass".toCharArray(), config.password());
		assertNull(config.problem());
		assertEquals("s3cret-pass",
				SecurePreferencesFactory.getDefault().node("io.mqttdevices/localBroker").get("password", null));
		for (String key : instance.keys()) {
			assertFalse(instance.get(key, "").contains("s3cret"), "password leaked into preference " + key);
		}
	}

	@Test
	void lanPreferenceWithoutPasswordIsAProblem() throws Exception {
		instance.putBoolean(LocalBrokerPreferences.LAN, true);
		assertTrue(LocalBrokerPreferences.config().problem().contains("needs a username and password"));
	}
}
