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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Home Assistant MQTT discovery as devices: every retained config under {@code homeassistant/+/+/config} or
 * {@code homeassistant/+/+/+/config} is an entity, grouped by its {@code device} (abbreviations such as
 * {@code stat_t}, {@code dev}, {@code ids} and the {@code ~} base topic are understood).
 */
public final class HomeAssistantDevices {

	public static final String PREFIX = "homeassistant"; //$NON-NLS-1$

	/** One discovered entity and the topic its state comes on. */
	public record Entity(String component, String name, String stateTopic, String configTopic) {
	}

	/** A device and its entities. */
	public record Device(String id, String name, List<Entity> entities) {
	}

	private HomeAssistantDevices() {
	}

	public static List<Device> of(TopicTree tree) {
		TopicNode root = tree.find(PREFIX);
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<Entity>> entities = new LinkedHashMap<>();
		if (root == null) {
			return List.of();
		}
		for (TopicNode component : root.children()) {
			for (TopicNode level : component.children()) {
				collect(component.name(), level.child("config"), names, entities); //$NON-NLS-1$
				for (TopicNode object : level.children()) {
					collect(component.name(), object.child("config"), names, entities); //$NON-NLS-1$
				}
			}
		}
		List<Device> devices = new ArrayList<>();
		for (Map.Entry<String, List<Entity>> e : entities.entrySet()) {
			devices.add(new Device(e.getKey(), names.get(e.getKey()), List.copyOf(e.getValue())));
		}
		return devices;
	}

	private static void collect(String component, TopicNode config, Map<String, String> names,
			Map<String, List<Entity>> entities) {
		if (config == null || config.lastMessage() == null || config.lastMessage().payload().length == 0) {
			return;
		}
		JsonObject json;
		try {
			JsonElement parsed = JsonParser.parseString(new String(config.lastMessage().payload(),
					java.nio.charset.StandardCharsets.UTF_8));
			if (!parsed.isJsonObject()) {
				return;
			}
			json = parsed.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			return;
		}
		String base = string(json, "~", null); //$NON-NLS-1$
		String state = expand(string(json, "state_topic", string(json, "stat_t", null)), base); //$NON-NLS-1$ //$NON-NLS-2$
		String entityName = string(json, "name", string(json, "uniq_id", string(json, "unique_id", config.parent().name()))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		JsonObject device = object(json, "device", object(json, "dev", null)); //$NON-NLS-1$ //$NON-NLS-2$
		String id = config.parent().topic();
		String deviceName = entityName;
		if (device != null) {
			JsonElement ids = device.has("identifiers") ? device.get("identifiers") : device.get("ids"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (ids != null && ids.isJsonArray() && !ids.getAsJsonArray().isEmpty()) {
				id = ids.getAsJsonArray().get(0).getAsString();
			} else if (ids != null && ids.isJsonPrimitive()) {
				id = ids.getAsString();
			}
			deviceName = string(device, "name", id); //$NON-NLS-1$
		}
		names.putIfAbsent(id, deviceName);
		entities.computeIfAbsent(id, k -> new ArrayList<>())
				.add(new Entity(component, entityName, state, config.topic()));
	}

	private static String expand(String topic, String base) {
		if (topic == null || base == null) {
			return topic;
		}
		if (topic.startsWith("~")) { //$NON-NLS-1$
			return base + topic.substring(1);
		}
		return topic.endsWith("~") ? topic.substring(0, topic.length() - 1) + base : topic; //$NON-NLS-1$
	}

	private static String string(JsonObject o, String key, String fallback) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
	}

	private static JsonObject object(JsonObject o, String key, JsonObject fallback) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : fallback;
	}
}
