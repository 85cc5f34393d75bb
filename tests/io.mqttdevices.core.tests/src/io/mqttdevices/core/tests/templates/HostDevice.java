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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.mqttdevices.core.templates.ProjectGenerator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;

/**
 * A generated project running unchanged under Debian's python3: its {@code main.py} or {@code code.py} with doubles
 * for what only a board has (host-shims/micropython, host-shims/circuitpython) and either the device MQTT libraries
 * as published or paho-based stand-ins for them. The project folder stands for the board's flash ({@code /}).
 */
final class HostDevice implements AutoCloseable {

	/** Which MQTT library the device code runs on. */
	enum Libraries {
		/** umqtt.simple and adafruit_minimqtt stand-ins over python3-paho-mqtt (host-shims/*-stand-ins). */
		STAND_INS,
		/** umqtt.simple 1.8.0, MiniMQTT 8.1.0, ConnectionManager and Ticks as published, from {@link #DEVICE_LIBS}. */
		REAL
	}

	/**
	 * The published device libraries: {@code shared/device-libs} beside the repository (tests run in
	 * {@code <repo>/tests/io.mqttdevices.core.tests}).
	 */
	static final Path DEVICE_LIBS = Path.of("").toAbsolutePath().resolve("../../../shared/device-libs").normalize();

	private final Path project;
	private final Process process;

	private HostDevice(Path project, Process process) {
		this.project = project;
		this.process = process;
	}

	/** Skips the test, naming the folder, when the real libraries are not beside the repository. */
	static void assumeRealLibraries() {
		assumeTrue(Files.isDirectory(DEVICE_LIBS.resolve("micropython"))
				&& Files.isDirectory(DEVICE_LIBS.resolve("circuitpython")),
				"skipped: the real device libraries are not in " + DEVICE_LIBS);
	}

	/** Writes the generated project into {@code project}. */
	static void generate(ProjectSpec spec, Path project) throws IOException {
		for (Map.Entry<String, byte[]> file : ProjectGenerator.generate(spec).entrySet()) {
			Files.write(project.resolve(file.getKey()), file.getValue());
		}
	}

	/** Generates the project and starts it. */
	static HostDevice start(ProjectSpec spec, Path project, Libraries libraries) throws IOException, InterruptedException {
		generate(spec, project);
		return run(spec.runtime(), project, libraries);
	}

	/** Starts the project already in {@code project}; its output goes to device.log there. */
	static HostDevice run(Runtime runtime, Path project, Libraries libraries) throws IOException, InterruptedException {
		if (libraries == Libraries.REAL) {
			assumeRealLibraries();
		}
		String flavour = runtime == Runtime.MICROPYTHON ? "micropython" : "circuitpython";
		Path shims = Path.of("host-shims", flavour).toAbsolutePath();
		assertTrue(Files.isDirectory(shims), "host shims at " + shims);
		Path library = libraries == Libraries.REAL ? DEVICE_LIBS.resolve(flavour)
				: Path.of("host-shims", flavour + "-stand-ins").toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder(python(libraries), "-u",
				runtime == Runtime.MICROPYTHON ? "main.py" : "code.py").directory(project.toFile())
				.redirectErrorStream(true).redirectOutput(project.resolve("device.log").toFile());
		builder.environment().put("PYTHONPATH", shims + File.pathSeparator + library);
		builder.environment().put("SHIM_FLASH", project.toString());
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		return new HostDevice(project, builder.start());
	}

	private static String python(Libraries libraries) throws IOException, InterruptedException {
		String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
		if (libraries == Libraries.STAND_INS) {
			Process check = new ProcessBuilder(python, "-c", "import paho.mqtt.client").start();
			if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
				fail("python3 with paho-mqtt is needed: apt-get install python3-paho-mqtt");
			}
		}
		return python;
	}

	/** What the device printed so far. */
	String log() throws IOException {
		Path log = project.resolve("device.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	/** How often the device printed {@code text} so far. */
	int count(String text) throws IOException {
		return log().split(Pattern.quote(text), -1).length - 1;
	}

	/** Waits until the device printed {@code text} the {@code n}-th time, or fails with its output. */
	void awaitOutput(String text, int n, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count(text) < n) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				fail("the device did not print '" + text + "' (#" + n + ") within " + timeout.toSeconds()
						+ " s" + (process.isAlive() ? "" : ", it ended") + "; its output:\n" + log());
			}
			Thread.sleep(20);
		}
	}

	/** The processor time the device has used so far (zero where the system does not tell). */
	Duration cpuTime() {
		return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Kills the device at once, as a pulled plug would: the broker then publishes its last will. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}
}
