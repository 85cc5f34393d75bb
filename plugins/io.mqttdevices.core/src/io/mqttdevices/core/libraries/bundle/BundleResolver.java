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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.mqttdevices.core.libraries.LibraryException;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.libraries.UnknownLibraries;
import io.mqttdevices.core.templates.Runtime;

/**
 * Turns declared names into the modules to put on the board, dependencies first, the way circup's get_dependencies
 * walks a bundle's requirements: a name is looked for in the Adafruit bundle, then in the Community bundle (whose
 * release is fetched only when a name is not in Adafruit's); each module's {@code dependencies} and
 * {@code external_dependencies} are followed, in whichever bundle has them.
 */
final class BundleResolver {

	/**
	 * A module to install.
	 *
	 * @param neededBy the module that needs it, or null when it was declared
	 */
	record Resolved(BundleModule module, BundleRelease release, String neededBy) {
	}

	/**
	 * @param modules the modules, each after the ones it needs
	 * @param unknown names no bundle has, each with one sentence
	 */
	record Resolution(List<Resolved> modules, Map<String, String> unknown) {
	}

	private final ReleaseFinder finder;
	private final List<BundleSource> sources;
	private final List<Object> releases = new ArrayList<>();

	BundleResolver(ReleaseFinder finder, List<BundleSource> sources) {
		this.finder = finder;
		this.sources = List.copyOf(sources);
	}

	/** The releases read so far (the first source's always). */
	List<BundleRelease> releasesRead() {
		return releases.stream().filter(BundleRelease.class::isInstance).map(BundleRelease.class::cast).toList();
	}

	Resolution resolve(List<Requirement> declared, IProgressMonitor monitor) throws LibraryException {
		release(0, monitor); // the first bundle must be there: its failure is the whole operation's
		Map<String, Resolved> order = new LinkedHashMap<>();
		Map<String, String> unknown = new LinkedHashMap<>();
		Set<String> visiting = new HashSet<>();
		for (Requirement requirement : declared) {
			visit(requirement.name(), null, order, unknown, visiting, monitor);
		}
		// what the bundles said of the declared names, for the builder's markers; not when a bundle could not be read
		// (a name is unknown only once every bundle was looked in)
		if (releases.stream().allMatch(BundleRelease.class::isInstance)) {
			List<String> names = declared.stream().map(Requirement::name).toList();
			UnknownLibraries.record(Runtime.CIRCUITPYTHON, sourcesKey(),
					names.stream().filter(unknown::containsKey).toList(),
					names.stream().filter(n -> !unknown.containsKey(n)).toList());
		}
		return new Resolution(List.copyOf(order.values()), unknown);
	}

	private void visit(String name, String neededBy, Map<String, Resolved> order, Map<String, String> unknown,
			Set<String> visiting, IProgressMonitor monitor) throws LibraryException {
		Optional<Resolved> found = find(name, neededBy, monitor);
		if (found.isEmpty()) {
			unknown.putIfAbsent(name, unknownSentence(name, neededBy));
			return;
		}
		BundleModule module = found.get().module();
		if (order.containsKey(module.name()) || !visiting.add(module.name())) {
			return; // done, or a dependency cycle: the module is added once its walk ends
		}
		List<String> needs = new ArrayList<>(module.dependencies());
		needs.addAll(module.externalDependencies());
		for (String dependency : needs) {
			visit(dependency, module.name(), order, unknown, visiting, monitor);
		}
		order.put(module.name(), found.get());
	}

	/** The module a name means, from the first bundle that has it; empty when none does. */
	Optional<Resolved> lookup(String name, IProgressMonitor monitor) throws LibraryException {
		release(0, monitor); // the first bundle must be there: its failure is the whole operation's
		return find(name, null, monitor);
	}

	private Optional<Resolved> find(String name, String neededBy, IProgressMonitor monitor) throws LibraryException {
		for (int i = 0; i < sources.size(); i++) {
			BundleRelease release = release(i, monitor);
			if (release != null) {
				Optional<BundleModule> module = release.find(name);
				if (module.isPresent()) {
					return Optional.of(new Resolved(module.get(), release, neededBy));
				}
			}
		}
		return Optional.empty();
	}

	/** The release of source {@code i}, read on first use; null when a later source could not be read. */
	private BundleRelease release(int i, IProgressMonitor monitor) throws LibraryException {
		while (releases.size() <= i) {
			int index = releases.size();
			try {
				releases.add(finder.latest(sources.get(index), monitor == null ? new NullProgressMonitor() : monitor));
			} catch (LibraryException e) {
				if (index == 0) {
					throw e;
				}
				releases.add(e);
			}
		}
		Object release = releases.get(i);
		return release instanceof BundleRelease r ? r : null;
	}

	/** The bundles asked, as one key: the names they lack are theirs. */
	private String sourcesKey() {
		return sources.stream().map(source -> source.releases().toString()).collect(Collectors.joining(" ")); //$NON-NLS-1$
	}

	/** That no bundle read has the name, one sentence. */
	String unknownSentence(String name, String neededBy) {
		String looked = releases.stream().map(r -> r instanceof BundleRelease b ? "the " + b.label() : null) //$NON-NLS-1$
				.filter(s -> s != null).collect(Collectors.joining(" or ")); //$NON-NLS-1$
		String unreadable = releases.stream().filter(LibraryException.class::isInstance)
				.map(e -> ((LibraryException) e).getMessage()).collect(Collectors.joining(" ")); //$NON-NLS-1$
		return "No library named " + name + " in " + looked //$NON-NLS-1$ //$NON-NLS-2$
				+ (neededBy == null ? "; check the name." : " (" + neededBy + " needs it).") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ (unreadable.isEmpty() ? "" : " " + unreadable); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
