/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.bundle;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.circuitpy.CircuitPyFlasher;
import io.mqttdevices.core.circuitpy.DriveFullException;
import io.mqttdevices.core.libraries.Fetcher;
import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.LibraryStatus.State;
import io.mqttdevices.core.libraries.RemoveReport;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.bundle.BundleResolver.Resolution;
import io.mqttdevices.core.libraries.bundle.BundleResolver.Resolved;

/**
 * The CircuitPython libraries a project declares, from the Adafruit and Community bundles to {@code CIRCUITPY/lib},
 * as circup does it: the board's {@code boot_out.txt} names its CircuitPython version, whose major picks the
 * {@code <major>.x-mpy} zip of each bundle's newest release; the release's metadata gives versions and dependencies;
 * the modules are copied with the Flash to CIRCUITPY write path, each module as one (all its files or none), only
 * the files that differ. Everything is fetched through the {@link Fetcher} and checked before it reaches the board.
 */
public final class BundleLibraries {

	private final ReleaseFinder finder;
	private final Fetcher fetcher;
	private final CircuitPyFlasher flasher;
	private final List<BundleSource> sources;

	/**
	 * @param sources the bundles in the order names are looked for (Adafruit's, then the Community's)
	 */
	public BundleLibraries(Fetcher fetcher, CircuitPyFlasher flasher, List<BundleSource> sources) {
		this.fetcher = fetcher;
		this.finder = new ReleaseFinder(fetcher);
		this.flasher = flasher;
		this.sources = List.copyOf(sources);
	}

	/** The bundles at the URLs the preferences name. */
	public static BundleLibraries fromPreferences(Fetcher fetcher, CircuitPyFlasher flasher) {
		return new BundleLibraries(fetcher, flasher, BundleSource.fromPreferences());
	}

	/**
	 * What the board has of each declared library and of the libraries they need, each once, dependencies before the
	 * modules that need them; names no bundle has come last, as {@link State#UNKNOWN}.
	 *
	 * @param drive the CIRCUITPY drive's root
	 * @throws LibraryException no boot_out.txt, the first bundle unreachable with nothing cached, a damaged zip
	 */
	public List<LibraryStatus> status(Path drive, List<Requirement> declared, IProgressMonitor monitor)
			throws LibraryException {
		SubMonitor progress = SubMonitor.convert(monitor, "Checking CircuitPython libraries", 10); //$NON-NLS-1$
		BootOut board = BootOut.read(drive);
		Resolution resolution = new BundleResolver(finder, sources).resolve(declared, progress.split(3));
		Map<BundleRelease, BundleZip> zips = zips(resolution, board, progress.split(6));
		List<LibraryStatus> result = new ArrayList<>();
		Path lib = drive.resolve("lib"); //$NON-NLS-1$
		try {
			for (Resolved resolved : resolution.modules()) {
				result.add(status(drive, lib, resolved, zips.get(resolved.release()).files(resolved.module())));
			}
			for (Map.Entry<String, String> unknown : resolution.unknown().entrySet()) {
				result.add(new LibraryStatus(unknown.getKey(), null, ModuleVersions.installed(lib, unknown.getKey()),
						State.UNKNOWN, unknown.getValue()));
			}
		} catch (IOException e) {
			throw new LibraryException("Could not read the libraries on the CIRCUITPY drive at " + drive + " (" //$NON-NLS-1$ //$NON-NLS-2$
					+ e.getMessage() + "); was the board unplugged?", e); //$NON-NLS-1$
		}
		return result;
	}

	/**
	 * Installs the declared libraries and what they need that the board lacks or has in another version. A module
	 * that does not fit, is unknown, or needs one that failed is reported in the result and the board keeps what it
	 * had of it; the others are installed.
	 *
	 * @param drive the CIRCUITPY drive's root (writable: see {@link CircuitPyFlasher#drive(String)})
	 * @throws LibraryException when nothing can be installed (no boot_out.txt, the first bundle unreachable with
	 *             nothing cached, no zip for the board's CircuitPython, a damaged zip) or the drive failed while
	 *             writing (the message names what was installed before)
	 */
	public BundleInstallResult install(Path drive, List<Requirement> declared, IProgressMonitor monitor)
			throws LibraryException {
		SubMonitor progress = SubMonitor.convert(monitor, "Installing CircuitPython libraries", 20); //$NON-NLS-1$
		BootOut board = BootOut.read(drive);
		BundleResolver resolver = new BundleResolver(finder, sources);
		Resolution resolution = resolver.resolve(declared, progress.split(2));
		Map<BundleRelease, BundleZip> zips = zips(resolution, board, progress.split(8));
		List<String> installed = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		Map<String, String> failed = new LinkedHashMap<>(resolution.unknown());
		long bytes = 0;
		SubMonitor copy = SubMonitor.convert(progress.split(10), Math.max(1, resolution.modules().size()));
		for (Resolved resolved : resolution.modules()) {
			BundleModule module = resolved.module();
			copy.subTask(module.name());
			String missingNeed = Stream.concat(module.dependencies().stream(), module.externalDependencies().stream())
					.filter(need -> failed.containsKey(moduleName(need, resolution))).findFirst()
					.orElse(null);
			if (missingNeed != null) {
				failed.put(module.name(), "Not installed because " + missingNeed + ", which it needs, was not."); //$NON-NLS-1$ //$NON-NLS-2$
				copy.worked(1);
				continue;
			}
			Map<String, byte[]> files = zips.get(resolved.release()).files(module);
			if (files.isEmpty()) {
				failed.put(module.name(), notInZip(resolved, board));
				copy.worked(1);
				continue;
			}
			try {
				SyncReport report = flasher.flashAsOne(drive, files, copy.split(1));
				removed.addAll(removeShadows(drive, module, files));
				if (report.uploaded().isEmpty()) {
					unchanged.add(module.name());
				} else {
					installed.add(module.name());
					bytes += report.bytes();
				}
			} catch (DriveFullException e) {
				failed.put(module.name(), String.format("It needs %.1f KB on CIRCUITPY, which has %.1f KB free; " //$NON-NLS-1$
						+ "delete files from the drive and install again.", e.needed() / 1024.0, e.free() / 1024.0)); //$NON-NLS-1$
			} catch (IOException e) {
				throw new LibraryException(e.getMessage()
						+ (installed.isEmpty() ? "" : " Installed before that: " + String.join(", ", installed) + '.'), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						e);
			}
		}
		return new BundleInstallResult(board, resolver.releasesRead().stream().map(BundleRelease::label).toList(),
				installed, unchanged, failed, removed, bytes);
	}

	/**
	 * Removes libraries from {@code CIRCUITPY/lib}: each module as the bundle names it, in whichever form the drive
	 * has it (the package folder {@code lib/<name>}, or {@code lib/<name>.mpy} and any {@code lib/<name>.py} beside
	 * it), nothing else. Not the modules it needs, and not a module a library that stays needs: that one is left with
	 * a sentence saying which needs it. The bundle's metadata is read (from the cache when offline); its zip is not.
	 *
	 * @param declared the project's declaration; those of it not named in {@code libraries} stay
	 * @throws LibraryException the first bundle unreachable with nothing cached, or the drive read-only or gone (what
	 *             was deleted before stays deleted, and the message names it)
	 */
	public RemoveReport remove(Path drive, List<Requirement> libraries, List<Requirement> declared,
			IProgressMonitor monitor) throws LibraryException {
		SubMonitor progress = SubMonitor.convert(monitor, "Removing CircuitPython libraries", 10); //$NON-NLS-1$
		BundleResolver resolver = new BundleResolver(finder, sources);
		Map<String, BundleModule> going = new LinkedHashMap<>();
		Map<String, String> notRemoved = new LinkedHashMap<>();
		for (Requirement requirement : libraries) {
			Optional<Resolved> found = resolver.lookup(requirement.name(), progress.split(1));
			if (found.isEmpty()) {
				notRemoved.put(requirement.name(), resolver.unknownSentence(requirement.name(), null));
			} else {
				going.putIfAbsent(requirement.name(), found.get().module());
			}
		}
		Set<String> goingNames = new HashSet<>();
		going.values().forEach(m -> goingNames.add(m.name()));
		List<Requirement> staying = new ArrayList<>();
		for (Requirement requirement : declared) {
			Optional<Resolved> found = resolver.lookup(requirement.name(), progress.split(0));
			if (found.isEmpty() || !goingNames.contains(found.get().module().name())) {
				staying.add(requirement);
			}
		}
		Map<String, String> neededBy = new HashMap<>();
		for (Resolved kept : resolver.resolve(staying, progress.split(2)).modules()) {
			neededBy.putIfAbsent(kept.module().name(), kept.neededBy());
		}

		List<String> removed = new ArrayList<>();
		List<String> notThere = new ArrayList<>();
		List<String> deleted = new ArrayList<>();
		SubMonitor deleting = SubMonitor.convert(progress.split(7), Math.max(1, going.size()));
		for (Map.Entry<String, BundleModule> entry : going.entrySet()) {
			String name = entry.getKey();
			BundleModule module = entry.getValue();
			deleting.split(1).subTask(module.name());
			if (neededBy.containsKey(module.name())) {
				notRemoved.put(name, String.format("%s was not removed: %s needs it, and stays declared.", name, //$NON-NLS-1$
						neededBy.get(module.name()) == null ? "the project" : neededBy.get(module.name()))); //$NON-NLS-1$
				continue;
			}
			if (!module.name().matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") || module.name().contains("..")) { //$NON-NLS-1$ //$NON-NLS-2$
				notRemoved.put(name, String.format("%s was not removed: the bundle names it %s, which is no module " //$NON-NLS-1$
						+ "name, so nothing under lib/ was touched.", name, module.name())); //$NON-NLS-1$
				continue;
			}
			String base = "lib/" + module.name(); //$NON-NLS-1$
			List<String> gone;
			try {
				gone = flasher.delete(drive, List.of(base, base + ".mpy", base + ".py")); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (IOException e) {
				throw new LibraryException(e.getMessage()
						+ (removed.isEmpty() ? "" : " Removed before that: " + String.join(", ", removed) + '.'), e); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			deleted.addAll(gone);
			(gone.isEmpty() ? notThere : removed).add(name);
		}
		return new RemoveReport(removed, notThere, notRemoved, deleted);
	}

	/** The module name a dependency (a module or PyPI name) resolved to, or the name itself when it did not. */
	private static String moduleName(String need, Resolution resolution) {
		for (Resolved r : resolution.modules()) {
			if (r.release().find(need).map(m -> m.name().equals(r.module().name())).orElse(false)) {
				return r.module().name();
			}
		}
		return need;
	}

	private LibraryStatus status(Path drive, Path lib, Resolved resolved, Map<String, byte[]> files)
			throws IOException {
		BundleModule module = resolved.module();
		String installedVersion = ModuleVersions.installed(lib, module.name());
		String wanted = module.version().isEmpty() ? null : module.version();
		boolean present = Files.isDirectory(lib.resolve(module.name()))
				|| Files.isRegularFile(lib.resolve(module.name() + ".mpy")) //$NON-NLS-1$
				|| Files.isRegularFile(lib.resolve(module.name() + ".py")); //$NON-NLS-1$
		String neededBy = resolved.neededBy() == null ? "" : " Needed by " + resolved.neededBy() + '.'; //$NON-NLS-1$ //$NON-NLS-2$
		if (!present) {
			return new LibraryStatus(module.name(), wanted, null, State.MISSING,
					("Not on the board." + neededBy).strip()); //$NON-NLS-1$
		}
		List<String> differing = new ArrayList<>();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Path target = drive.resolve(file.getKey());
			if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
				differing.add(file.getKey());
			}
		}
		differing.addAll(shadows(drive, module, files));
		if (differing.isEmpty() && !files.isEmpty()) {
			return new LibraryStatus(module.name(), wanted, installedVersion, State.INSTALLED, null);
		}
		String detail = installedVersion != null && !installedVersion.equals(wanted)
				? "The board has " + installedVersion + ", the bundle " + wanted + '.' //$NON-NLS-1$ //$NON-NLS-2$
				: "Differs from the bundle in " + String.join(", ", differing) + '.'; //$NON-NLS-1$ //$NON-NLS-2$
		return new LibraryStatus(module.name(), wanted, installedVersion, State.OUTDATED, detail + neededBy);
	}

	/**
	 * Files on the drive that would keep the installed module from being imported as the bundle has it: for a
	 * one-file module {@code <name>.py} beside the bundle's {@code <name>.mpy} (CircuitPython imports the
	 * {@code .py} first); for a package, {@code .py}/{@code .mpy} files in its folder that the bundle's version lacks
	 * (circup replaces the whole folder for the same reason).
	 */
	private static List<String> shadows(Path drive, BundleModule module, Map<String, byte[]> files)
			throws IOException {
		List<String> shadows = new ArrayList<>();
		if (module.isPackage() || files.keySet().stream().anyMatch(p -> p.startsWith(module.path() + '/'))) {
			Path folder = drive.resolve(module.path());
			if (Files.isDirectory(folder)) {
				try (Stream<Path> all = Files.walk(folder)) {
					for (Path file : all.filter(Files::isRegularFile).toList()) {
						String relative = drive.relativize(file).toString().replace('\\', '/');
						String name = file.getFileName().toString();
						if ((name.endsWith(".py") || name.endsWith(".mpy")) && !files.containsKey(relative)) { //$NON-NLS-1$ //$NON-NLS-2$
							shadows.add(relative);
						}
					}
				}
			}
		} else {
			for (String path : files.keySet()) {
				if (path.endsWith(".mpy")) { //$NON-NLS-1$
					String py = path.substring(0, path.length() - ".mpy".length()) + ".py"; //$NON-NLS-1$ //$NON-NLS-2$
					if (Files.isRegularFile(drive.resolve(py))) {
						shadows.add(py);
					}
				}
			}
		}
		return shadows;
	}

	private static List<String> removeShadows(Path drive, BundleModule module, Map<String, byte[]> files)
			throws IOException {
		List<String> shadows = shadows(drive, module, files);
		for (String shadow : shadows) {
			Files.deleteIfExists(drive.resolve(shadow));
		}
		return shadows;
	}

	/** Fetches and checks the zip of each release that has modules to look at. */
	private Map<BundleRelease, BundleZip> zips(Resolution resolution, BootOut board, IProgressMonitor monitor)
			throws LibraryException {
		List<BundleRelease> releases = resolution.modules().stream().map(Resolved::release).distinct().toList();
		SubMonitor progress = SubMonitor.convert(monitor, Math.max(1, releases.size()));
		Map<BundleRelease, BundleZip> zips = new HashMap<>();
		for (BundleRelease release : releases) {
			BundleSource source = release.source();
			URI uri = source.zip(release.tag(), board.major());
			Path file;
			try {
				file = fetcher.fetchFixed(uri, progress.split(1)); // named by its release tag: one download a release
			} catch (LibraryException e) {
				throw new LibraryException("The " + release.label() + " has no libraries for CircuitPython " //$NON-NLS-1$ //$NON-NLS-2$
						+ board.major() + " to be had (" + source.zipName(release.tag(), board.major()) //$NON-NLS-1$
						+ "; the board runs " + board.version() + "): " + uncapitalized(e.getMessage()), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			zips.put(release, BundleZip.open(file, uri, source.folderName(release.tag(), board.major()), board.major()));
		}
		return zips;
	}

	private static String notInZip(Resolved resolved, BootOut board) {
		return "The " + resolved.release().label() + " lists it but its CircuitPython " + board.major() //$NON-NLS-1$ //$NON-NLS-2$
				+ " zip does not have " + resolved.module().path() + '.'; //$NON-NLS-1$
	}

	private static String uncapitalized(String message) {
		if (message == null || message.isEmpty()) {
			return "it could not be fetched."; //$NON-NLS-1$
		}
		return message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))
				? Character.toLowerCase(message.charAt(0)) + message.substring(1)
				: message;
	}
}
