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

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * A user's first step, tested: our update site goes into a copy of a stock IDE with the p2 director, then that IDE
 * starts on a fresh workspace in our perspective, with a probe (installed from its own site, never from ours) that
 * walks a user's first minutes and reports from inside what it saw, which bundles resolved and started and what is
 * registered, then closes the IDE. Once for each Eclipse release we support: the subclasses name the stock IDE.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(Lifecycle.PER_CLASS)
abstract class InstallTest {

	private static final String FEATURE_IU = "io.mqttdevices.feature.feature.group";
	private static final String PROBE = "io.mqttdevices.install.probe";
	private static final String UPDATE_SITE = "update-site/target/repository";
	private static final String PROBE_SITE = "tests/io.mqttdevices.install.probe.site/target/repository";
	private static final String FEATURE_XML = "features/io.mqttdevices.feature/feature.xml";
	/** What a stock IDE lacks and our code needs; the feature must bring them all. */
	private static final List<String> REQUIRED_BUNDLES = List.of("io.mqttdevices.core", "io.mqttdevices.ui",
			"org.eclipse.paho.mqttv5.client", "org.eclipse.paho.client.mqttv3", "com.fazecast.jSerialComm",
			"com.google.gson", "wrapped.org.tomlj.tomlj", "org.eclipse.tm.terminal.control",
			"wrapped.io.moquette.moquette-broker", "io.netty.codec-mqtt", "slf4j.api", "slf4j.nop");
	/** Our views and the perspective's own, which a user must find under Window > Show View. */
	private static final List<String> VIEWS = List.of("io.mqttdevices.ui.repl.BoardReplView",
			"io.mqttdevices.ui.explorer.TopicExplorerView", "io.mqttdevices.ui.libraries.BoardLibrariesView",
			"org.eclipse.ui.navigator.ProjectExplorer",
			"org.eclipse.ui.views.ProblemView", "org.eclipse.ui.console.ConsoleView");
	/** Resolved; STARTING is a resolved lazy bundle whose classes nobody has loaded yet. */
	private static final Set<String> RESOLVED = Set.of("RESOLVED", "STARTING", "ACTIVE");

	private Path root;
	private InstalledIde ide;
	private List<String> featureBundles;
	private ProcessRun featureInstall;
	private ProcessRun probeInstall;
	private ProcessRun ideRun;
	private Properties report;

	/** The Eclipse release, e.g. {@code 4.39}: the work folder's name. */
	abstract String release();

	/** The stock IDE of that release the build assembled, relative to the project's root. */
	abstract String stockIde();

	@BeforeAll
	void installTheFeatureAndStartTheIde() throws Exception {
		root = Path.of(System.getProperty("mqttdevices.root", "../..")).toAbsolutePath().normalize();
		Path work = Path.of(System.getProperty("mqttdevices.install.work", "target/work")).toAbsolutePath()
				.resolve(release());
		ide = new InstalledIde(work, seconds("mqttdevices.install.director.timeout", 300),
				seconds("mqttdevices.install.ide.timeout", 180));
		Set<String> expected = new LinkedHashSet<>(REQUIRED_BUNDLES);
		expected.addAll(FeatureXml.pluginIds(root.resolve(FEATURE_XML)));
		featureBundles = List.copyOf(expected);

		ide.copyFrom(root.resolve(stockIde()));
		featureInstall = ide.director(root.resolve(UPDATE_SITE), FEATURE_IU);
		probeInstall = featureInstall.succeeded() ? ide.director(root.resolve(PROBE_SITE), PROBE)
				: ProcessRun.notRun("probe install", "not tried: the feature did not install");
		ideRun = probeInstall.succeeded() ? ide.start()
				: ProcessRun.notRun("IDE", "not started: an install failed");
		report = ide.probeReport();
	}

	@Test
	@Order(1)
	void theProbeIsNotOnOurUpdateSite() throws IOException {
		try (Stream<Path> files = Files.walk(root.resolve(UPDATE_SITE))) {
			List<Path> probe = files.filter(f -> f.getFileName().toString().startsWith(PROBE)).toList();
			assertTrue(probe.isEmpty(), "the test probe must never reach users, but the update site has " + probe);
		}
	}

	@Test
	@Order(2)
	void theDirectorInstallsTheFeatureFromTheUpdateSite() {
		assertTrue(featureInstall.succeeded(), featureInstall::describe);
	}

	@Test
	@Order(3)
	void everyBundleOfTheFeatureIsInTheIde() throws IOException {
		assertTrue(featureInstall.succeeded(), featureInstall::describe);
		List<String> plugins = ide.plugins();
		List<String> bundlesInfo = ide.bundlesInfo();
		List<Executable> checks = new ArrayList<>();
		for (String bundle : featureBundles) {
			checks.add(() -> assertTrue(plugins.stream().anyMatch(p -> p.startsWith(bundle + "_")),
					() -> bundle + " is not in " + ide.home().resolve("plugins")));
			checks.add(() -> assertTrue(bundlesInfo.stream().anyMatch(line -> line.startsWith(bundle + ",")),
					() -> bundle + " is not in bundles.info: the IDE would not load it"));
		}
		assertAll(checks);
	}

	@Test
	@Order(4)
	void theIdeStartsAndTheProbeReportsFromInside() throws IOException {
		assertTrue(probeInstall.succeeded(), probeInstall::describe);
		assertNotNull(report, () -> "the probe wrote no report\n" + diagnostics());
		assertTrue(ideRun.succeeded(), () -> "the IDE did not close cleanly after the probe\n" + diagnostics());
	}

	@Test
	@Order(5)
	void everyOneOfOurBundlesResolvesInTheRunningIde() {
		Properties facts = reported();
		Set<String> bundles = new LinkedHashSet<>(featureBundles);
		facts.stringPropertyNames().stream().filter(key -> key.startsWith("bundle.io.mqttdevices."))
				.map(key -> key.substring("bundle.".length())).forEach(bundles::add);
		List<Executable> checks = new ArrayList<>();
		for (String bundle : bundles) {
			String state = facts.getProperty("bundle." + bundle);
			checks.add(() -> assertTrue(state != null && RESOLVED.contains(state),
					() -> bundle + " is " + (state == null ? "not in the running IDE" : state) + ": "
							+ facts.getProperty("problem." + bundle, "")));
		}
		assertAll(checks);
	}

	@Test
	@Order(6)
	void coreAndUiAreActiveAfterThePerspectiveAndWizardOpen() {
		Properties facts = reported();
		assertAll(() -> assertEquals("ACTIVE", facts.getProperty("bundle.io.mqttdevices.ui"), "io.mqttdevices.ui"),
				() -> assertEquals("ACTIVE", facts.getProperty("bundle.io.mqttdevices.core"), "io.mqttdevices.core"));
	}

	@Test
	@Order(7)
	void theIdeOpensInTheMqttDevicesPerspective() {
		Properties facts = reported();
		assertAll(() -> assertEquals(InstalledIde.PERSPECTIVE_ID, facts.getProperty("activePerspective"),
				() -> "open perspective " + facts.getProperty("activePerspective.error", "")),
				() -> assertEquals("MQTT Devices", facts.getProperty("perspective.label"),
						() -> "registered perspective " + facts.getProperty("perspective.error", "")));
	}

	@Test
	@Order(8)
	void theSensorProjectWizardIsRegisteredAndCreatesItsPages() {
		Properties facts = reported();
		assertAll(() -> assertFalse(facts.containsKey("wizard.error"), () -> facts.getProperty("wizard.error")),
				() -> assertEquals("MQTT Sensor Project", facts.getProperty("wizard.label")),
				() -> assertEquals("MQTT Devices", facts.getProperty("wizard.category")),
				() -> assertEquals("io.mqttdevices.ui.wizards.NewSensorProjectWizard",
						facts.getProperty("wizard.class")),
				() -> assertTrue(Integer.parseInt(facts.getProperty("wizard.pages", "0")) > 0, "wizard pages"));
	}

	@Test
	@Order(9)
	void theLocalBrokerStartsAndStopsByItsCommands() {
		Properties facts = reported();
		String port = facts.getProperty("localBroker.port");
		assertAll(() -> assertFalse(facts.containsKey("localBroker.error"), () -> facts.getProperty("localBroker.error")),
				() -> assertEquals("true", facts.getProperty("localBroker.listening"), "listening after Start"),
				() -> assertEquals("Local broker: 127.0.0.1:" + port + ", 0 clients",
						facts.getProperty("localBroker.statusLine")),
				() -> assertEquals("true", facts.getProperty("localBroker.stopped"), "port closed after Stop"));
	}

	@Test
	@Order(10)
	void theTopicExplorerConnectsToTheLocalBrokerAndShowsAPublishedTopic() {
		Properties facts = reported();
		String port = facts.getProperty("localBroker.port");
		assertAll(() -> assertFalse(facts.containsKey("explorer.error"), () -> facts.getProperty("explorer.error")),
				() -> assertTrue(facts.getProperty("explorer.status", "").startsWith("Connected to tcp://127.0.0.1:" + port),
						() -> "status: " + facts.getProperty("explorer.status")),
				() -> assertEquals("probe", facts.getProperty("explorer.topicRow"), "the published topic's row"),
				() -> assertEquals("1", facts.getProperty("explorer.topicCount"), "messages under it"),
				() -> assertTrue(facts.getProperty("explorer.statusAfterDisconnect", "").startsWith("Not connected"),
						() -> "after Disconnect: " + facts.getProperty("explorer.statusAfterDisconnect")));
	}

	@Test
	@Order(11)
	void everyViewOfOursOpensAndIsUnderShowView() {
		Properties facts = reported();
		List<String> open = List.of(facts.getProperty("views.open", "").split(","));
		List<String> shortcuts = List.of(facts.getProperty("views.shortcuts", "").split(","));
		List<Executable> checks = new ArrayList<>();
		checks.add(() -> assertFalse(facts.containsKey("project.error"), () -> facts.getProperty("project.error")));
		for (String view : VIEWS) {
			checks.add(() -> assertTrue(open.contains(view), () -> view + " did not open: " + open));
			checks.add(() -> assertTrue(shortcuts.contains(view),
					() -> view + " is not under Window > Show View: " + shortcuts));
		}
		assertAll(checks);
	}

	@Test
	@Order(12)
	void aSensorProjectIsCreatedOpenedBrokenAndMended() {
		Properties facts = reported();
		assertAll(() -> assertFalse(facts.containsKey("project.error"), () -> facts.getProperty("project.error")),
				() -> assertEquals("true", facts.getProperty("project.created"),
						() -> "the wizard's Finish: " + facts.getProperty("project.wizardMessage")),
				() -> assertEquals("main.py", facts.getProperty("editor.active"), "the editor Finish opens"),
				() -> assertEquals("config.json", facts.getProperty("editor.config")),
				() -> assertEquals("1", facts.getProperty("config.broken.markers"), "error markers on broken JSON"),
				() -> assertTrue(Integer.parseInt(facts.getProperty("problems.rows", "0")) > 0, "rows in Problems"),
				() -> assertEquals("0", facts.getProperty("config.mended.markers"), "error markers once mended"));
	}

	@Test
	@Order(13)
	void runOnBoardIsInTheRunMenuAndMainPysRunAsAndItsLaunchDialogOpens() {
		Properties facts = reported();
		List<String> runMenu = List.of(facts.getProperty("runMenu.items", "").split("\\|"));
		List<String> runAs = List.of(facts.getProperty("contextMenu.runAs", "").split("\\|"));
		assertAll(() -> assertFalse(facts.containsKey("project.error"), () -> facts.getProperty("project.error")),
				() -> assertTrue(runAs.stream().anyMatch(item -> item.endsWith("Run on Board")),
						() -> "Run As in main.py's context menu: " + runAs),
				() -> assertTrue(runMenu.contains("Run As"), () -> "the Run menu: " + runMenu),
				() -> assertTrue(runMenu.contains("Run Configurations..."), () -> "the Run menu: " + runMenu),
				() -> assertEquals("Run Configurations", facts.getProperty("launchDialog.title")),
				() -> assertEquals("probe-sensor", facts.getProperty("launchDialog.name"), "the configuration shown"));
	}

	@Test
	@Order(14)
	void theMqttDevicesMenuHasEveryStepAndGettingStartedSaysThem() {
		Properties facts = reported();
		List<String> menu = List.of(facts.getProperty("mqttMenu.items", "").split("\\|"));
		List<Executable> checks = new ArrayList<>();
		checks.add(() -> assertFalse(facts.containsKey("project.error"), () -> facts.getProperty("project.error")));
		for (String item : List.of("MQTT Sensor Project...", "Upload to Board", "Flash to CIRCUITPY", "Board REPL",
				"Topic Explorer", "Board Libraries", "Start Local Broker", "Stop Local Broker", "Getting Started")) {
			checks.add(() -> assertTrue(menu.contains(item), () -> item + " is not in the MQTT Devices menu: " + menu));
		}
		checks.add(() -> assertEquals("Getting Started", facts.getProperty("gettingStarted.title")));
		String steps = facts.getProperty("gettingStarted.text", "");
		for (String entry : List.of("MQTT Sensor Project...", "Start Local Broker", "Upload to Board",
				"Flash to CIRCUITPY", "Board REPL", "Topic Explorer")) {
			checks.add(() -> assertTrue(steps.contains(entry), () -> "Getting Started does not name " + entry + ": "
					+ steps));
		}
		assertAll(checks);
	}

	@Test
	@Order(15)
	void noDialogPopsUpUnasked() {
		Properties facts = reported();
		assertEquals("", facts.getProperty("dialogs.unexpected"),
				"dialogs the IDE opened by itself (the probe closed them; a user would have had to)");
	}

	@Test
	@Order(16)
	void nothingIsLoggedAtErrorOrWarning() throws IOException {
		assertTrue(Files.exists(ide.workspace()), () -> "the IDE never opened its workspace\n" + diagnostics());
		List<EclipseLog> logs = new ArrayList<>(ide.configurationLogs());
		logs.add(ide.workspaceLog());
		List<Executable> checks = new ArrayList<>();
		for (EclipseLog log : logs) {
			List<String> entries = HarmlessLogEntries.without(log.errorsAndWarnings());
			checks.add(() -> assertTrue(entries.isEmpty(), () -> entries.size() + " ERROR or WARNING entries in "
					+ log.file() + "\n" + String.join("\n", entries)));
		}
		assertAll(checks);
	}

	private Properties reported() {
		if (report == null) {
			fail("the probe wrote no report\n" + diagnostics());
		}
		return report;
	}

	/** Everything that tells why the IDE did not do its part: how the runs ended, their output, the log. */
	private String diagnostics() {
		StringBuilder text = new StringBuilder();
		for (ProcessRun run : List.of(featureInstall, probeInstall, ideRun)) {
			text.append(run.describe()).append('\n');
		}
		text.append("----- ").append(ide.workspaceLog().file()).append(" -----\n").append(text(ide.workspaceLog()));
		return text.toString();
	}

	private static String text(EclipseLog log) {
		try {
			return log.text();
		} catch (IOException e) {
			return "cannot read " + log.file() + ": " + e;
		}
	}

	private static Duration seconds(String property, int fallback) {
		return Duration.ofSeconds(Integer.getInteger(property, fallback));
	}
}
