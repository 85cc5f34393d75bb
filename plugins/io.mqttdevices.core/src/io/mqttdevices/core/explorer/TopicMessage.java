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

import java.util.List;

/**
 * One message as it arrived: the payload whole (never cut), QoS, retained flag, arrival time and the MQTT 5
 * properties (empty for MQTT 3.1.1). The payload array is the client's own: nobody writes to it.
 */
public record TopicMessage(byte[] payload, int qos, boolean retained, long timestamp, String contentType,
		List<UserProperty> userProperties, Long expirySeconds) {

	/**
	 * What a kept message costs in the history budget besides its payload, counted generously: its entry in the
	 * topic's {@link MessageRing} (11 bytes), the unused ends of the pages it is written in, its slot in the tree's
	 * arrival order, and an object of its own when it is kept aside.
	 */
	static final int OVERHEAD_BYTES = 96;

	public TopicMessage {
		userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
	}

	/** A message without MQTT 5 properties. */
	public static TopicMessage of(byte[] payload, int qos, boolean retained, long timestamp) {
		return new TopicMessage(payload, qos, retained, timestamp, null, List.of(), null);
	}

	public int size() {
		return payload.length;
	}

	long cost() {
		return cost(payload);
	}

	/** What a kept message with this payload costs in the history budget. */
	static long cost(byte[] payload) {
		return (long) payload.length + OVERHEAD_BYTES;
	}

	/** Whether it carries MQTT 5 properties: content type, user properties or an expiry. */
	boolean hasProperties() {
		return contentType != null || !userProperties.isEmpty() || expirySeconds != null;
	}

	/** An MQTT 5 user property: a key and a value, both strings; a key may repeat. */
	public record UserProperty(String key, String value) {
	}
}
