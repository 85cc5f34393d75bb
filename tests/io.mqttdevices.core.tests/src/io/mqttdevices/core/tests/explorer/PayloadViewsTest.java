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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import io.mqttdevices.core.explorer.HistoryExport;
import io.mqttdevices.core.explorer.HomeAssistantDevices;
import io.mqttdevices.core.explorer.HomeAssistantDevices.Device;
import io.mqttdevices.core.explorer.LineDiff;
import io.mqttdevices.core.explorer.LineDiff.Change;
import io.mqttdevices.core.explorer.PayloadFormat;
import io.mqttdevices.core.explorer.PayloadFormat.Kind;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicTree;

/** What the detail pane shows: JSON pretty-printed, hex for binary, numbers for the chart, diff, export, devices. */
class PayloadViewsTest {

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void jsonIsPrettyPrintedTextStaysAndBinaryIsHex() {
		PayloadFormat.Formatted json = PayloadFormat.format(utf8("{\"t\":21.5,\"tags\":[\"a\",\"<b>\"]}"));
		assertEquals(Kind.JSON, json.kind());
		assertEquals("{\n  \"t\": 21.5,\n  \"tags\": [\n    \"a\",\n    \"<b>\"\n  ]\n}", json.text());

		assertEquals(new PayloadFormat.Formatted(Kind.TEXT, "online"), PayloadFormat.format(utf8("online")));

		PayloadFormat.Formatted binary = PayloadFormat.format(new byte[] { 0, 1, 2, (byte) 0xff, 'A' });
		assertEquals(Kind.BINARY, binary.kind());
		assertEquals("00000000  00 01 02 ff 41" + " ".repeat(35) + "....A\n", binary.text());
	}

	@Test
	void previewIsOneShortLine() {
		assertEquals("a b", PayloadFormat.preview(utf8("a\nb"), 20));
		assertEquals("01234…", PayloadFormat.preview(utf8("0123456789"), 5));
		assertEquals("<3 bytes binary>", PayloadFormat.preview(new byte[] { 0, 1, 2 }, 20));
	}

	@Test
	void numbersForTheChart() {
		Map<String, Double> plain = new LinkedHashMap<>();
		PayloadFormat.numbers(utf8(" 21.5 "), plain::put);
		assertEquals(Map.of("value", 21.5), plain);

		Map<String, Double> json = new LinkedHashMap<>();
		PayloadFormat.numbers(utf8("{\"t\": 21, \"env\": {\"hum\": 40.5}, \"name\": \"x\", \"on\": true}"), json::put);
		assertEquals(Map.of("t", 21.0, "env.hum", 40.5), json);

		Map<String, Double> none = new LinkedHashMap<>();
		PayloadFormat.numbers(utf8("online"), none::put);
		assertTrue(none.isEmpty());
	}

	@Test
	void diffShowsChangedLines() {
		List<LineDiff.Line> diff = LineDiff.diff("{\n  \"t\": 21\n  \"h\": 40\n}", "{\n  \"t\": 22\n  \"h\": 40\n}");
		assertEquals(List.of(new LineDiff.Line(Change.SAME, "{"), new LineDiff.Line(Change.REMOVED, "  \"t\": 21"),
				new LineDiff.Line(Change.ADDED, "  \"t\": 22"), new LineDiff.Line(Change.SAME, "  \"h\": 40"),
				new LineDiff.Line(Change.SAME, "}")), diff);
	}

	@Test
	void exportKeepsPayloadsWholeInCsvAndJson() throws Exception {
		List<TopicMessage> history = List.of(TopicMessage.of(utf8("a,\"b\"\nc"), 1, true, 0),
				TopicMessage.of(new byte[] { 0, (byte) 0xff }, 0, false, 1000));
		StringWriter csv = new StringWriter();
		HistoryExport.csv("t/x", history, csv);
		assertEquals("time,topic,qos,retained,encoding,payload\r\n"
				+ "1970-01-01T00:00:00Z,t/x,1,true,utf-8,\"a,\"\"b\"\"\nc\"\r\n"
				+ "1970-01-01T00:00:01Z,t/x,0,false,base64,AP8=\r\n", csv.toString());

		StringWriter json = new StringWriter();
		HistoryExport.json("t/x", history, json);
		JsonArray array = JsonParser.parseString(json.toString()).getAsJsonArray();
		assertEquals(2, array.size());
		assertEquals("a,\"b\"\nc", array.get(0).getAsJsonObject().get("payload").getAsString());
		assertEquals("AP8=", array.get(1).getAsJsonObject().get("payload").getAsString());
		assertEquals("base64", array.get(1).getAsJsonObject().get("encoding").getAsString());
	}

	@Test
	void homeAssistantDiscoveryBecomesDevicesWithEntities() {
		TopicTree tree = new TopicTree();
		tree.add("homeassistant/sensor/esp_1/temperature/config", TopicMessage.of(utf8(
				"{\"name\": \"Temperature\", \"stat_t\": \"~/temp\", \"~\": \"home/esp_1\", \"dev\": {\"ids\": [\"esp_1\"], \"name\": \"Kitchen ESP\"}}"),
				0, true, 1));
		tree.add("homeassistant/sensor/esp_1/humidity/config", TopicMessage.of(utf8(
				"{\"name\": \"Humidity\", \"state_topic\": \"home/esp_1/hum\", \"device\": {\"identifiers\": \"esp_1\", \"name\": \"Kitchen ESP\"}}"),
				0, true, 1));
		tree.add("homeassistant/binary_sensor/door/config",
				TopicMessage.of(utf8("{\"name\": \"Door\", \"state_topic\": \"home/door\"}"), 0, true, 1));
		tree.add("homeassistant/sensor/broken/config", TopicMessage.of(utf8("not json"), 0, true, 1));
		tree.add("home/esp_1/temp", TopicMessage.of(utf8("21"), 0, false, 1));

		List<Device> devices = HomeAssistantDevices.of(tree);
		assertEquals(2, devices.size(), devices.toString());
		Device esp = devices.stream().filter(d -> d.id().equals("esp_1")).findFirst().orElseThrow();
		assertEquals("Kitchen ESP", esp.name());
		assertEquals(List.of("home/esp_1/hum", "home/esp_1/temp"),
				esp.entities().stream().map(HomeAssistantDevices.Entity::stateTopic).toList());
		Device door = devices.stream().filter(d -> !d.id().equals("esp_1")).findFirst().orElseThrow();
		assertEquals("binary_sensor", door.entities().get(0).component());
		assertEquals("home/door", door.entities().get(0).stateTopic());
	}
}
