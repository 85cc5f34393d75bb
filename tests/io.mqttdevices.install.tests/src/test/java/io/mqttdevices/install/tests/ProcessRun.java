/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A finished (or killed) process: its exit code and what it printed. Output goes to a file, so a chatty process can
 * never block on a full pipe; a process that outlives its timeout is killed by its PID, children first.
 */
record ProcessRun(String what, Integer exitCode, String output, Duration took) {

	static ProcessRun of(String what, List<String> command, Path log, Duration timeout)
			throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		String killed = "";
		if (!exited) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
			killed = what + " did not end within " + timeout.toSeconds() + " s: killed PID " + process.pid() + "\n";
		}
		String output = killed + Files.readString(log, StandardCharsets.UTF_8);
		ProcessRun run = new ProcessRun(what, exited ? process.exitValue() : null, output,
				Duration.ofNanos(System.nanoTime() - start));
		System.out.println(run.summary());
		return run;
	}

	/** A step that could not run, with the reason. */
	static ProcessRun notRun(String what, String why) {
		return new ProcessRun(what, null, why, Duration.ZERO);
	}

	boolean succeeded() {
		return exitCode != null && exitCode == 0;
	}

	/** One line: what ran, how it ended, how long it took. */
	String summary() {
		String end = exitCode == null ? "did not finish" : "exit code " + exitCode;
		return what + ": " + end + " after " + took.toMillis() / 1000.0 + " s";
	}

	/** For failure messages: the summary and what it printed. */
	String describe() {
		return summary() + "\n----- output -----\n" + output + "\n------------------";
	}
}
