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

import io.mqttdevices.core.explorer.TopicMessage.UserProperty;

/**
 * A message to publish. The MQTT 5 properties (content type, user properties, expiry in seconds) are sent only
 * on an MQTT 5 connection; on MQTT 3.1.1 they are refused with a clear message rather than silently dropped.
 */
public record OutgoingMessage(String topic, byte[] payload, int qos, boolean retained, String contentType,
		List<UserProperty> userProperties, Long expirySeconds) {

	public OutgoingMessage {
		if (topic == null || topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
			throw new IllegalArgumentException("A topic to publish to must not be empty or hold + or #"); //$NON-NLS-1$
		}
		if (qos < 0 || qos > 2) {
			throw new IllegalArgumentException("QoS must be 0, 1 or 2"); //$NON-NLS-1$
		}
		payload = payload == null ? new byte[0] : payload;
		contentType = contentType == null || contentType.isEmpty() ? null : contentType;
		userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
	}

	public static OutgoingMessage of(String topic, byte[] payload, int qos, boolean retained) {
		return new OutgoingMessage(topic, payload, qos, retained, null, List.of(), null);
	}

	public boolean hasProperties() {
		return contentType != null || !userProperties.isEmpty() || expirySeconds != null;
	}
}
