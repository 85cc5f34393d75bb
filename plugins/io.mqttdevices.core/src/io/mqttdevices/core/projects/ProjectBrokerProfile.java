/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.Subscription;

/**
 * The explorer's connection to a project's broker, made from the project's settings file ({@code config.json} or
 * {@code settings.toml}): its host (this computer's own LAN address becomes 127.0.0.1: the explorer runs here), port,
 * TLS and username, MQTT 3.1.1 as the boards speak it, subscribed to the project's topics. Its id is the project's,
 * so the same profile is reused. The password is not in it: it is the project's, in secure storage.
 */
public final class ProjectBrokerProfile {

	/**
	 * What the settings file says about the broker, and the topics the device publishes under.
	 *
	 * @param topic    the topic prefix (or the Adafruit IO feed topic)
	 * @param clientId the client id the settings give, or null when the board makes its own from its unique id
	 */
	public record Broker(String host, int port, boolean tls, String username, String topic, String clientId) {

		public Broker(String host, int port, boolean tls, String username, String topic) {
			this(host, port, tls, username, topic, null);
		}
	}

	private ProjectBrokerProfile() {
	}

	/** The profile id of a project's broker. */
	public static String id(String project) {
		return "project:" + project; //$NON-NLS-1$
	}

	/** The profile for this project, empty when its settings file is missing or names no broker. */
	public static Optional<ConnectionProfile> of(IProject project) throws CoreException {
		return read(project).map(broker -> profile(project.getName(), broker,
				LanAddresses.choose(LanAddresses.ofThisComputer())));
	}

	/** The broker of the project's settings file. */
	public static Optional<Broker> read(IProject project) throws CoreException {
		IFile json = project.getFile("config.json"); //$NON-NLS-1$
		if (json.exists()) {
			return fromJson(text(json));
		}
		IFile toml = project.getFile("settings.toml"); //$NON-NLS-1$
		return toml.exists() ? fromToml(text(toml)) : Optional.empty();
	}

	/** From a MicroPython {@code config.json}. */
	public static Optional<Broker> fromJson(String text) {
		JsonElement parsed;
		try {
			parsed = JsonParser.parseString(text);
		} catch (RuntimeException e) {
			return Optional.empty();
		}
		if (!parsed.isJsonObject()) {
			return Optional.empty();
		}
		JsonObject o = parsed.getAsJsonObject();
		String host = string(o, "broker"); //$NON-NLS-1$
		if (host == null || host.isBlank()) {
			return Optional.empty();
		}
		boolean tls = o.has("ssl") && o.get("ssl").isJsonPrimitive() && o.get("ssl").getAsBoolean(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		int port = o.has("port") && o.get("port").isJsonPrimitive() ? o.get("port").getAsInt() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				: tls ? ConnectionProfile.DEFAULT_TLS_PORT : ConnectionProfile.DEFAULT_PORT;
		return Optional.of(new Broker(host.trim(), port, tls, blankToNull(string(o, "user")), string(o, "topic"), //$NON-NLS-1$ //$NON-NLS-2$
				blankToNull(string(o, "client_id")))); //$NON-NLS-1$
	}

	/** From a CircuitPython {@code settings.toml}. */
	public static Optional<Broker> fromToml(String text) {
		TomlParseResult toml = Toml.parse(text);
		String host = toml.getString("MQTT_BROKER"); //$NON-NLS-1$
		if (host == null || host.isBlank()) {
			return Optional.empty();
		}
		Long tls = toml.getLong("MQTT_TLS"); //$NON-NLS-1$
		boolean secure = tls != null && tls != 0;
		Long port = toml.getLong("MQTT_PORT"); //$NON-NLS-1$
		return Optional.of(new Broker(host.trim(),
				port != null ? port.intValue()
						: secure ? ConnectionProfile.DEFAULT_TLS_PORT : ConnectionProfile.DEFAULT_PORT,
				secure, blankToNull(toml.getString("MQTT_USERNAME")), toml.getString("MQTT_TOPIC_PREFIX"), //$NON-NLS-1$ //$NON-NLS-2$
				blankToNull(toml.getString("MQTT_CLIENT_ID")))); //$NON-NLS-1$
	}

	/**
	 * The profile named after the project; {@code thisComputer} are this computer's LAN addresses (a broker on one of
	 * them is reached through 127.0.0.1).
	 */
	public static ConnectionProfile profile(String project, Broker broker, List<String> thisComputer) {
		String host = thisComputer.contains(broker.host()) ? "127.0.0.1" : broker.host(); //$NON-NLS-1$
		ConnectionProfile profile = ConnectionProfile.of(host, broker.port()).withId(id(project)).withName(project)
				.withVersion(MqttVersion.V3_1_1).withUsername(broker.username())
				.withSubscriptions(subscriptions(broker.topic()));
		return broker.tls() ? profile.withTls(null, null, null) : profile;
	}

	/** {@code <prefix>/#}; an Adafruit IO feed and the feeds the device names after it. */
	private static Subscription[] subscriptions(String topic) {
		if (topic == null || topic.isBlank()) {
			return new Subscription[] { Subscription.of(ConnectionProfile.ALL_TOPICS) };
		}
		if (topic.contains("/feeds/")) { //$NON-NLS-1$
			return new Subscription[] { Subscription.of(topic), Subscription.of(topic + "-availability"), //$NON-NLS-1$
					Subscription.of(topic + "-error") }; //$NON-NLS-1$
		}
		return new Subscription[] { Subscription.of(topic + "/#") }; //$NON-NLS-1$
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}

	private static String text(IFile file) throws CoreException {
		try (InputStream in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return ""; //$NON-NLS-1$
		}
	}
}
