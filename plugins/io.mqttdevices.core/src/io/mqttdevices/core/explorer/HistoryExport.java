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

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;

/**
 * A topic's history as CSV or JSON, payloads whole: UTF-8 text as text, anything else in Base64 (the
 * {@code encoding} column or field says which).
 */
public final class HistoryExport {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private HistoryExport() {
	}

	public static void csv(String topic, List<TopicMessage> messages, Writer out) throws IOException {
		out.write("time,topic,qos,retained,encoding,payload\r\n"); //$NON-NLS-1$
		for (TopicMessage m : messages) {
			String text = PayloadFormat.utf8(m.payload());
			out.write(Instant.ofEpochMilli(m.timestamp()).toString());
			out.write(',');
			out.write(csvField(topic));
			out.write(',' + String.valueOf(m.qos()) + ',' + m.retained() + ',');
			out.write(text == null ? "base64," + Base64.getEncoder().encodeToString(m.payload()) //$NON-NLS-1$
					: "utf-8," + csvField(text)); //$NON-NLS-1$
			out.write("\r\n"); //$NON-NLS-1$
		}
	}

	public static void json(String topic, List<TopicMessage> messages, Writer out) throws IOException {
		JsonArray array = new JsonArray();
		for (TopicMessage m : messages) {
			JsonObject o = new JsonObject();
			String text = PayloadFormat.utf8(m.payload());
			o.addProperty("time", Instant.ofEpochMilli(m.timestamp()).toString()); //$NON-NLS-1$
			o.addProperty("topic", topic); //$NON-NLS-1$
			o.addProperty("qos", m.qos()); //$NON-NLS-1$
			o.addProperty("retained", m.retained()); //$NON-NLS-1$
			o.addProperty("encoding", text == null ? "base64" : "utf-8"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			o.addProperty("payload", text == null ? Base64.getEncoder().encodeToString(m.payload()) : text); //$NON-NLS-1$
			if (m.contentType() != null) {
				o.addProperty("contentType", m.contentType()); //$NON-NLS-1$
			}
			if (!m.userProperties().isEmpty()) {
				JsonArray user = new JsonArray();
				for (TopicMessage.UserProperty p : m.userProperties()) {
					JsonObject up = new JsonObject();
					up.addProperty("key", p.key()); //$NON-NLS-1$
					up.addProperty("value", p.value()); //$NON-NLS-1$
					user.add(up);
				}
				o.add("userProperties", user); //$NON-NLS-1$
			}
			array.add(o);
		}
		JsonWriter writer = GSON.newJsonWriter(out);
		GSON.toJson(array, writer);
		writer.flush();
	}

	private static String csvField(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"'; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
