/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.ProfileJson;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.core.explorer.Subscription;

/** Profiles in preferences, passwords only in secure storage, export without secrets, import as new. */
class ProfileStoreTest {

	private IEclipsePreferences preferences;
	private ProfileStore store;

	@BeforeEach
	void freshNode() throws Exception {
		preferences = InstanceScope.INSTANCE.getNode("io.mqttdevices.core.tests.profiles");
		preferences.clear();
		store = new ProfileStore(preferences, SecurePreferencesFactory.getDefault());
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (ConnectionProfile p : store.load()) {
			store.remove(p.id());
		}
		preferences.removeNode();
	}

	private static ConnectionProfile sample() {
		return ConnectionProfile.of("broker.lan", 8883).withName("Home").withUsername("sensor")
				.withTls("/etc/ca.crt", "/home/me/client.crt", "/home/me/client.key")
				.withVersion(MqttVersion.V3_1_1).withSubscriptions(List.of("home/#", "homeassistant/#"));
	}

	@Test
	void savedProfilesLoadBackAndPasswordsStayOutOfPreferences() throws Exception {
		ConnectionProfile profile = sample();
		store.save(profile);
		store.setPassword(profile.id(), "pa55-word".toCharArray());
		store.setKeyPassword(profile.id(), "key-pa55".toCharArray());

		List<ConnectionProfile> loaded = new ProfileStore(preferences, SecurePreferencesFactory.getDefault()).load();
		assertEquals(List.of(profile), loaded);
		assertArrayEquals("pa55-word".toCharArray(), store.password(profile.id()));
		assertArrayEquals("key-pa55".toCharArray(), store.keyPassword(profile.id()));
		for (String key : preferences.keys()) {
			assertFalse(preferences.get(key, "").contains("pa55"), "a secret in the preferences: " + key);
		}
	}

	@Test
	void savingAgainReplacesAndRemoveForgetsTheSecrets() throws Exception {
		ConnectionProfile profile = sample();
		store.save(profile);
		store.setPassword(profile.id(), "pa55-word".toCharArray());
		store.save(profile.withName("Renamed"));
		assertEquals(List.of("Renamed"), store.load().stream().map(ConnectionProfile::name).toList());
		store.remove(profile.id());
		assertEquals(List.of(), store.load());
		assertNull(store.password(profile.id()));
		assertFalse(SecurePreferencesFactory.getDefault().node("io.mqttdevices/explorer").nodeExists(profile.id()),
				"reading a removed profile's password makes no secure storage node again");
		assertFalse(store.hasSecrets(profile.id()));
	}

	@Test
	void saveAllAddsEveryProfileInOneWrite() throws Exception {
		ConnectionProfile first = sample();
		ConnectionProfile second = ConnectionProfile.of("other.lan", 1883).withName("Other");
		store.save(first);
		store.saveAll(List.of(first.withName("First again"), second));
		assertEquals(List.of("First again", "Other"), store.load().stream().map(ConnectionProfile::name).toList());
		assertFalse(store.hasSecrets(second.id()));
		store.setPassword(second.id(), "x".toCharArray());
		assertTrue(store.hasSecrets(second.id()));
	}

	@Test
	void exportHasNoSecretAndImportGetsNewIds() throws Exception {
		ConnectionProfile profile = sample();
		store.save(profile);
		store.setPassword(profile.id(), "pa55-word".toCharArray());
		String json = ProfileJson.write(store.load());
		assertFalse(json.contains("pa55"), json);
		assertTrue(json.contains("\"host\": \"broker.lan\""), json);

		List<ConnectionProfile> imported = ProfileJson.readAsNew(json);
		assertEquals(1, imported.size());
		assertNotEquals(profile.id(), imported.get(0).id());
		assertEquals(profile.withId(imported.get(0).id()), imported.get(0));
	}

	@Test
	void importOfSomethingElseSaysWhat() {
		IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
				() -> ProfileJson.read("{ not json"));
		assertTrue(notJson.getMessage()
				.matches("Not a connection profile file: the JSON is malformed at line 1, column \\d+"),
				notJson.getMessage());
		IllegalArgumentException otherFormat = assertThrows(IllegalArgumentException.class,
				() -> ProfileJson.read("{\"profiles\": []}"));
		assertTrue(otherFormat.getMessage().contains("format"), otherFormat.getMessage());
		IllegalArgumentException noHost = assertThrows(IllegalArgumentException.class, () -> ProfileJson
				.read("{\"format\": \"" + ProfileJson.FORMAT + "\", \"profiles\": [{\"id\": \"x\", \"port\": 1}]}"));
		assertEquals("Profile 1 has no host", noHost.getMessage());
	}

	@Test
	void defaultsFillWhatAnImportLeavesOut() {
		List<ConnectionProfile> read = ProfileJson
				.read("{\"format\": \"" + ProfileJson.FORMAT + "\", \"profiles\": [{\"host\": \"h\", \"port\": 1883}]}");
		ConnectionProfile p = read.get(0);
		assertEquals(List.of(new Subscription("#", 1)), p.subscriptions());
		assertEquals(MqttVersion.V5, p.version());
		assertEquals("h:1883", p.name());
		assertEquals(ConnectionProfile.DEFAULT_KEEP_ALIVE, p.keepAliveSeconds());
	}
}
