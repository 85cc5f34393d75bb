/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.libraries;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.core.circuitpy.DriveLocator;
import io.mqttdevices.core.libraries.HttpFetcher;
import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.LibraryStatus.State;
import io.mqttdevices.core.libraries.RemoveReport;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.bundle.BundleInstallResult;
import io.mqttdevices.core.libraries.bundle.BundleLibraries;
import io.mqttdevices.core.libraries.mip.MipIndex;
import io.mqttdevices.core.libraries.mip.MipInstallReport;
import io.mqttdevices.core.libraries.mip.MipInstaller;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.DeclaredLibraries;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.ui.internal.Messages;

/**
 * The libraries a sensor project declares and its board: what the board has of them, installing and removing them, the same
 * way for both runtimes. MicroPython goes over a raw REPL (a port borrowed here, or the caller's session, as Upload
 * to Board has one open), CircuitPython to the CIRCUITPY drive. Downloads go through the IDE's cache and proxies, from
 * the URLs in the preferences.
 */
public final class ProjectLibraries {

	private static final Duration PORT_WAIT = Duration.ofSeconds(5);
	private static final Duration BOARD_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * What an install did.
	 *
	 * @param installed the libraries put on the board (dependencies included for CircuitPython)
	 * @param failed    library → one sentence why it is not on the board
	 * @param outdated  libraries left as they are although the board's copy differs (an install of missing ones)
	 */
	public record Installed(List<String> installed, Map<String, String> failed, List<String> outdated) {

		public Installed {
			installed = List.copyOf(installed);
			failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
			outdated = List.copyOf(outdated);
		}

		public boolean ok() {
			return failed.isEmpty();
		}

		/**
		 * One line for the user: "installed a, b", or "libraries already on the board", then what differs and what
		 * failed, e.g. "adafruit_dht not installed: The bundle does not know it."
		 */
		public String summary() {
			List<String> parts = new ArrayList<>();
			if (!installed.isEmpty()) {
				parts.add(NLS.bind(Messages.ProjectLibraries_installed, String.join(", ", installed))); //$NON-NLS-1$
			} else if (failed.isEmpty()) {
				parts.add(Messages.ProjectLibraries_alreadyThere);
			}
			if (!outdated.isEmpty()) {
				parts.add(NLS.bind(Messages.ProjectLibraries_outdated, String.join(", ", outdated))); //$NON-NLS-1$
			}
			// mip's reasons name the library already ("umqtt.simple was not installed: ...")
			failed.forEach((name, why) -> parts.add(why != null && why.startsWith(name + ' ') ? why
					: NLS.bind(Messages.ProjectLibraries_failed, name, why == null ? Messages.ProjectLibraries_unknown : why)));
			return String.join("; ", parts); //$NON-NLS-1$
		}
	}

	/** An install and what the board has afterwards. */
	public record Outcome(Installed installed, List<LibraryStatus> board) {
	}

	private final IProject project;
	private final ProjectDeviceSettings settings;
	private final Runtime runtime;

	public ProjectLibraries(IProject project) {
		this.project = project;
		this.settings = new ProjectDeviceSettings(project);
		this.runtime = settings.runtime();
	}

	public IProject project() {
		return project;
	}

	public Runtime runtime() {
		return runtime;
	}

	/** The project's declaration ({@code package.json} or {@code requirements.txt}); none when it has no file. */
	public List<Requirement> declared() throws IOException {
		return DeclaredLibraries.read(project.getLocation().toFile().toPath(), runtime).requirements();
	}

	/**
	 * What the board has of each library: MicroPython over the project's serial port (borrowed as {@code borrower}),
	 * CircuitPython on its drive.
	 */
	public List<LibraryStatus> status(List<Requirement> requirements, String borrower, IProgressMonitor monitor)
			throws IOException, InterruptedException {
		if (runtime == Runtime.CIRCUITPYTHON) {
			CircuitPyFlasher flasher = flasher();
			return bundles(flasher).status(drive(flasher), requirements, monitor);
		}
		try (PortLease lease = borrow(borrower)) {
			return mip().status(repl(lease), requirements, monitor);
		}
	}

	/**
	 * Installs the libraries (and what they need) the board lacks or has in another version, then reads what the board
	 * has of the declared ones, in one session.
	 */
	public Outcome install(List<Requirement> requirements, List<Requirement> declared, String borrower,
			IProgressMonitor monitor) throws IOException, InterruptedException {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		if (runtime == Runtime.CIRCUITPYTHON) {
			CircuitPyFlasher flasher = flasher();
			Path drive = drive(flasher);
			BundleLibraries bundles = bundles(flasher);
			Installed done = of(bundles.install(drive, requirements, progress.split(7)));
			return new Outcome(done, bundles.status(drive, declared, progress.split(3)));
		}
		try (PortLease lease = borrow(borrower)) {
			RawRepl repl = repl(lease);
			MipInstaller installer = mip();
			Installed done = of(installer.install(repl, requirements, progress.split(7)));
			return new Outcome(done, installer.status(repl, declared, progress.split(3)));
		}
	}

	/** A removal and what the board has of the declared libraries afterwards. */
	public record Removal(RemoveReport removed, List<LibraryStatus> board) {
	}

	/**
	 * Removes libraries from the board (not what they need, nor what the rest of the declaration needs: see
	 * {@link MipInstaller#remove} and {@link BundleLibraries#remove}), then reads what the board has of the declared
	 * ones, in one session.
	 */
	public Removal remove(List<Requirement> requirements, List<Requirement> declared, String borrower,
			IProgressMonitor monitor) throws IOException, InterruptedException {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		if (runtime == Runtime.CIRCUITPYTHON) {
			CircuitPyFlasher flasher = flasher();
			Path drive = drive(flasher);
			BundleLibraries bundles = bundles(flasher);
			RemoveReport done = bundles.remove(drive, requirements, declared, progress.split(5));
			return new Removal(done, bundles.status(drive, declared, progress.split(5)));
		}
		try (PortLease lease = borrow(borrower)) {
			RawRepl repl = repl(lease);
			MipInstaller installer = mip();
			RemoveReport done = installer.remove(repl, requirements, declared, progress.split(5));
			return new Removal(done, installer.status(repl, declared, progress.split(5)));
		}
	}

	/** Installs the declared libraries the board does not have, over an open MicroPython session (Upload to Board). */
	public Installed installMissing(RawRepl repl, List<Requirement> declared, IProgressMonitor monitor)
			throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		MipInstaller installer = mip();
		List<LibraryStatus> statuses = installer.status(repl, declared, progress.split(4));
		return installMissing(statuses, declared,
				missing -> of(installer.install(repl, missing, progress.split(6))));
	}

	/** Installs the declared libraries (and what they need) a CIRCUITPY drive does not have (Flash to CIRCUITPY). */
	public Installed installMissing(CircuitPyFlasher flasher, Path drive, List<Requirement> declared,
			IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		BundleLibraries bundles = bundles(flasher);
		List<LibraryStatus> statuses = bundles.status(drive, declared, progress.split(4));
		return installMissing(statuses, declared, missing -> of(bundles.install(drive, missing, progress.split(6))));
	}

	private interface Install {
		Installed run(List<Requirement> missing) throws IOException;
	}

	private static Installed installMissing(List<LibraryStatus> statuses, List<Requirement> declared, Install install)
			throws IOException {
		Map<String, String> failed = new LinkedHashMap<>();
		List<String> outdated = new ArrayList<>();
		List<Requirement> missing = new ArrayList<>();
		for (LibraryStatus status : statuses) {
			switch (status.state()) {
			case MISSING -> missing.add(requirement(status.name(), declared));
			case OUTDATED -> outdated.add(status.name());
			case UNKNOWN -> failed.put(status.name(), status.detail());
			case INSTALLED -> {
				// nothing to do
			}
			}
		}
		if (missing.isEmpty()) {
			return new Installed(List.of(), failed, outdated);
		}
		Installed done = install.run(missing);
		failed.putAll(done.failed());
		return new Installed(done.installed(), failed, outdated);
	}

	/** The declared requirement of that name (its version kept), else the name alone (a dependency). */
	public static Requirement requirement(String name, List<Requirement> declared) {
		return declared.stream().filter(r -> r.name().equals(name)).findFirst()
				.orElseGet(() -> new Requirement(name, null));
	}

	/** The names of the rows in a state. */
	public static List<String> named(List<LibraryStatus> statuses, State state) {
		return statuses.stream().filter(s -> s.state() == state).map(LibraryStatus::name).toList();
	}

	private static Installed of(MipInstallReport report) {
		return new Installed(report.installed(), report.failed(), List.of());
	}

	private static Installed of(BundleInstallResult result) {
		return new Installed(result.installed(), result.failed(), List.of());
	}

	private MipInstaller mip() {
		return new MipInstaller(MipIndex.fromPreferences(HttpFetcher.forIde()), settings.syncOptions(),
				CorePreferences.micropythonCompiled());
	}

	private static BundleLibraries bundles(CircuitPyFlasher flasher) {
		return BundleLibraries.fromPreferences(HttpFetcher.forIde(), flasher);
	}

	private static CircuitPyFlasher flasher() {
		return new CircuitPyFlasher(new DriveLocator());
	}

	private Path drive(CircuitPyFlasher flasher) throws IOException {
		return flasher.drive(settings.circuitPyDrive());
	}

	private PortLease borrow(String borrower) throws IOException, InterruptedException {
		return PortArbiter.getDefault().borrow(settings.port(), settings.baudRate(), borrower, PORT_WAIT);
	}

	private static RawRepl repl(PortLease lease) {
		return new RawRepl(lease.connection(), BOARD_TIMEOUT);
	}
}
