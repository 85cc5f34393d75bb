/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/** Every generated Python file compiles under the real MicroPython the simulated board runs. */
class MicroPythonCompileTest {

	@TempDir
	Path temp;

	@Test
	void everyGeneratedPythonFileCompiles() throws Exception {
		List<Map<String, String>> sources = new ArrayList<>();
		for (ProjectSpec spec : ProjectGeneratorTest.allValidSpecs()) {
			String label = spec.runtime() + "/" + spec.board() + "/" + spec.sensor() + "/ha=" + spec.homeAssistant();
			ProjectGenerator.generate(spec).forEach((name, content) -> {
				if (name.endsWith(".py")) {
					sources.add(Map.of("name", label + "/" + name, "source", new String(content, StandardCharsets.UTF_8)));
				}
			});
		}
		JsonArray results = compile(new Gson().toJson(sources));
		assertEquals(sources.size(), results.size());
		List<String> failures = new ArrayList<>();
		for (JsonElement result : results) {
			JsonObject object = result.getAsJsonObject();
			if (!object.get("error").isJsonNull()) {
				failures.add(object.get("name").getAsString() + ": " + object.get("error").getAsString());
			}
		}
		assertTrue(failures.isEmpty(), String.join("\n", failures));
	}

	@Test
	void theCompilerRejectsBrokenPython() throws Exception {
		JsonArray results = compile("[{\"name\":\"broken.py\",\"source\":\"def f(:\\n    pass\\n\"}]");
		assertTrue(results.get(0).getAsJsonObject().get("error").getAsString().startsWith("SyntaxError"));
	}

	private JsonArray compile(String json) throws IOException, InterruptedException {
		Path input = Files.writeString(temp.resolve("sources.json"), json);
		Path output = temp.resolve("results.json");
		Path sim = SimulatedBoard.simulatorDirectory();
		Process node = new ProcessBuilder("node", sim.resolve("compile.mjs").toString()).directory(sim.toFile())
				.redirectInput(input.toFile()).redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		if (!node.waitFor(60, TimeUnit.SECONDS)) {
			node.destroyForcibly();
			throw new IOException("MicroPython compiler did not finish in 60 s");
		}
		assertEquals(0, node.exitValue(), "compile.mjs exit code");
		return JsonParser.parseString(Files.readString(output)).getAsJsonArray();
	}
}
