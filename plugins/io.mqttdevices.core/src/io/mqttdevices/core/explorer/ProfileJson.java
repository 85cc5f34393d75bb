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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

/**
 * Connection profiles as JSON (Gson), for the preferences and for export/import. Profiles hold no secrets, so an
 * export never carries a password; imported profiles get fresh ids, so they never clash with saved ones.
 */
public final class ProfileJson {

	public static final String FORMAT = "mqttdevices-explorer-profiles"; //$NON-NLS-1$
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private ProfileJson() {
	}

	public static String write(List<ConnectionProfile> profiles) {
		List<Data> data = new ArrayList<>();
		for (ConnectionProfile p : profiles) {
			data.add(new Data(p.id(), p.name(), p.host(), p.port(), p.tls(), p.caFile(), p.clientCertificateFile(),
					p.clientKeyFile(), p.username(), p.clientId(), p.version(), p.keepAliveSeconds(), p.cleanStart(),
					subscriptionsJson(p.subscriptions())));
		}
		return GSON.toJson(new Document(FORMAT, 1, data));
	}

	/** Reads profiles written by {@link #write}; throws with a clear message when the text is not that. */
	public static List<ConnectionProfile> read(String json) throws IllegalArgumentException {
		Document document;
		try {
			document = GSON.fromJson(json, Document.class);
		} catch (JsonParseException e) {
			// Gson's message names its classes and a web page: keep only where the JSON breaks
			Matcher at = Pattern.compile("line (\\d+) column (\\d+)").matcher(String.valueOf(e.getMessage())); //$NON-NLS-1$
			String where = at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			throw new IllegalArgumentException("Not a connection profile file: the JSON is malformed" + where, e); //$NON-NLS-1$
		}
		if (document == null || !FORMAT.equals(document.format()) || document.profiles() == null) {
			throw new IllegalArgumentException("Not a connection profile file (no \"format\": \"" + FORMAT + "\")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<ConnectionProfile> result = new ArrayList<>();
		int index = 1;
		for (Data p : document.profiles()) {
			if (p == null || p.host() == null || p.host().isBlank()) {
				throw new IllegalArgumentException("Profile " + index + " has no host"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (p.port() == null || p.port() < 1 || p.port() > 65535) {
				throw new IllegalArgumentException("Profile " + index + " has port " + p.port() + ", not 1-65535"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			result.add(new ConnectionProfile(p.id() == null ? UUID.randomUUID().toString() : p.id(), p.name(),
					p.host(), p.port(), Boolean.TRUE.equals(p.tls()), p.caFile(), p.clientCertificateFile(),
					p.clientKeyFile(), p.username(), p.clientId(), p.version(),
					p.keepAliveSeconds() == null || p.keepAliveSeconds() < 0 ? ConnectionProfile.DEFAULT_KEEP_ALIVE
							: p.keepAliveSeconds(),
					!Boolean.FALSE.equals(p.cleanStart()), subscriptions(index, p.subscriptions())));
			index++;
		}
		return result;
	}

	/** Each subscription as {@code {"filter": ..., "qos": ...}}. */
	private static List<JsonElement> subscriptionsJson(List<Subscription> subscriptions) {
		List<JsonElement> result = new ArrayList<>();
		for (Subscription s : subscriptions) {
			JsonObject o = new JsonObject();
			o.addProperty("filter", s.filter()); //$NON-NLS-1$
			o.addProperty("qos", s.qos()); //$NON-NLS-1$
			result.add(o);
		}
		return result;
	}

	/**
	 * Reads a profile's subscriptions: objects with a filter and a QoS, or plain filter strings as files from before
	 * the QoS was saved have them (QoS {@value Subscription#DEFAULT_QOS}).
	 */
	private static List<Subscription> subscriptions(int profile, List<JsonElement> elements) {
		List<Subscription> result = new ArrayList<>();
		if (elements == null) {
			return result;
		}
		for (JsonElement e : elements) {
			if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isBlank()) {
				result.add(Subscription.of(e.getAsString()));
				continue;
			}
			JsonObject o = e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
			JsonElement filter = o == null ? null : o.get("filter"); //$NON-NLS-1$
			if (filter == null || !filter.isJsonPrimitive() || filter.getAsString().isBlank()) {
				throw new IllegalArgumentException("Profile " + profile + " has a subscription without a filter: " + e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			JsonElement qos = o.get("qos"); //$NON-NLS-1$
			if (qos == null || qos.isJsonNull()) {
				result.add(Subscription.of(filter.getAsString()));
			} else if (qos.isJsonPrimitive() && qos.getAsJsonPrimitive().isNumber()
					&& List.of("0", "1", "2").contains(qos.getAsString())) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				result.add(new Subscription(filter.getAsString(), qos.getAsInt()));
			} else {
				throw new IllegalArgumentException("Profile " + profile + ": the QoS of " + filter.getAsString() //$NON-NLS-1$ //$NON-NLS-2$
						+ " must be 0, 1 or 2, not " + qos); //$NON-NLS-1$
			}
		}
		return result;
	}

	/** Imported profiles with new ids, so saving them never overwrites a profile (or secret) already there. */
	public static List<ConnectionProfile> readAsNew(String json) {
		List<ConnectionProfile> result = new ArrayList<>();
		for (ConnectionProfile p : read(json)) {
			result.add(p.withId(UUID.randomUUID().toString()));
		}
		return result;
	}

	private record Document(String format, int version, List<Data> profiles) {
	}

	/** A profile as JSON has it: anything may be missing. */
	private record Data(String id, String name, String host, Integer port, Boolean tls, String caFile,
			String clientCertificateFile, String clientKeyFile, String username, String clientId, MqttVersion version,
			Integer keepAliveSeconds, Boolean cleanStart, List<JsonElement> subscriptions) {
	}
}
