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
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A fresh copy of the stock IDE the build assembled (ide/), in the test's work folder, and the commands a user runs
 * on it: the p2 director, then the IDE itself. Its workspace is {@code work/data}, where ./run-tests looks for logs.
 */
final class InstalledIde {

	static final String STOCK_IDE = "ide/target/products/stock-ide/linux/gtk/x86_64/eclipse";
	static final String PERSPECTIVE_ID = "io.mqttdevices.ui.perspective";

	private final Path work;
	private final Duration directorTimeout;
	private final Duration ideTimeout;

	InstalledIde(Path work, Duration directorTimeout, Duration ideTimeout) {
		this.work = work;
		this.directorTimeout = directorTimeout;
		this.ideTimeout = ideTimeout;
	}

	Path home() {
		return work.resolve("eclipse");
	}

	Path workspace() {
		return work.resolve("data");
	}

	Path report() {
		return work.resolve("probe-report.properties");
	}

	EclipseLog workspaceLog() {
		return new EclipseLog(workspace().resolve(".metadata/.log"));
	}

	/** The logs Eclipse writes into its configuration area when no workspace is open (e.g. the director's). */
	List<EclipseLog> configurationLogs() throws IOException {
		try (Stream<Path> files = Files.list(home().resolve("configuration"))) {
			return files.filter(f -> f.getFileName().toString().endsWith(".log")).map(EclipseLog::new).toList();
		}
	}

	/** Empties the work folder and copies the stock IDE into it. */
	void copyFrom(Path stockIde) throws IOException {
		if (!Files.isDirectory(stockIde.resolve("plugins"))) {
			throw new IOException("No stock IDE at " + stockIde + ": build the ide module first");
		}
		delete(work);
		copy(stockIde, home());
	}

	/** {@code eclipse -application org.eclipse.equinox.p2.director -repository R -installIU IU}, as a user would. */
	ProcessRun director(Path repository, String installableUnit) throws IOException, InterruptedException {
		List<String> command = java();
		command.addAll(List.of("-jar", launcher().toString(), "-nosplash",
				"-application", "org.eclipse.equinox.p2.director",
				"-repository", repository.toUri().toString(), "-installIU", installableUnit,
				"-destination", home().toString(), "-profile", "DefaultProfile"));
		return ProcessRun.of("p2 director installing " + installableUnit, command,
				work.resolve("director-" + installableUnit + ".out"), directorTimeout);
	}

	/**
	 * Starts the IDE on a fresh workspace in our perspective, with the probe told where to write its report; the
	 * probe closes the workbench when it is done. Needs a display (./run-tests provides Xvfb).
	 */
	ProcessRun start() throws IOException, InterruptedException {
		if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
			return ProcessRun.notRun("IDE", "No display: run the install test under xvfb-run (./run-tests does).");
		}
		Files.deleteIfExists(report());
		List<String> command = java();
		command.addAll(List.of("-Xms256m", "-Xmx1g", "-Dmqttdevices.probe.report=" + report(),
				"-jar", launcher().toString(), "-nosplash", "-consoleLog",
				"-data", workspace().toString(), "-perspective", PERSPECTIVE_ID,
				"-eclipse.keyring", work.resolve("secure_storage").toString()));
		return ProcessRun.of("IDE", command, work.resolve("ide.out"), ideTimeout);
	}

	/** What the probe wrote, or null when it wrote nothing. */
	Properties probeReport() throws IOException {
		if (!Files.exists(report())) {
			return null;
		}
		Properties facts = new Properties();
		try (InputStream in = Files.newInputStream(report())) {
			facts.load(in);
		}
		return facts;
	}

	/** The lines of the simpleconfigurator's bundles.info: the bundles the IDE loads at its next start. */
	List<String> bundlesInfo() throws IOException {
		return Files.readAllLines(home().resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
	}

	/** File and folder names under plugins/. */
	List<String> plugins() throws IOException {
		try (Stream<Path> files = Files.list(home().resolve("plugins"))) {
			return files.map(f -> f.getFileName().toString()).toList();
		}
	}

	private static List<String> java() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return command;
	}

	private Path launcher() throws IOException {
		try (Stream<Path> files = Files.list(home().resolve("plugins"))) {
			return files.filter(f -> f.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
					.findFirst().orElseThrow(() -> new IOException("No equinox launcher jar in " + home()));
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(to.resolve(from.relativize(dir)));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(file);
			}
		}
	}
}
