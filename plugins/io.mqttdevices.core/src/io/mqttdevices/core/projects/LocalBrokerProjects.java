/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.equinox.security.storage.StorageException;

import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.projects.ProjectBrokerProfile.Broker;

/**
 * The sensor projects whose board publishes to this computer's local broker, and what in their settings files no
 * longer matches the broker's settings after a change: the port, listening on the LAN, the username, the password.
 */
public final class LocalBrokerProjects {

	/** A project's settings file (its name, e.g. {@code config.json}), the broker it names and its broker password. */
	public record ProjectBroker(String project, String settingsFile, Broker broker, String password) {
	}

	private LocalBrokerProjects() {
	}

	/** The open sensor projects of the workspace whose settings file names a broker, with their broker passwords. */
	public static List<ProjectBroker> ofWorkspace() {
		List<ProjectBroker> projects = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			try {
				if (!project.isOpen() || !project.hasNature(SensorNature.ID)) {
					continue;
				}
				Optional<Broker> broker = ProjectBrokerProfile.read(project);
				if (broker.isPresent()) {
					projects.add(new ProjectBroker(project.getName(),
							new ProjectDeviceSettings(project).runtime().settingsFile(), broker.get(),
							ProjectSecrets.get(project.getName(), ProjectSecrets.BROKER_PASSWORD)));
				}
			} catch (CoreException | StorageException | RuntimeException e) {
				// a project whose settings cannot be read is the builder's to report
			}
		}
		return projects;
	}

	/**
	 * One line per project on this computer's broker whose settings no longer match {@code config}, e.g.
	 * {@code garden (config.json): port 1883, the local broker's is 1884}; empty when all match.
	 *
	 * @param thisComputer this computer's LAN addresses: a project whose broker host is one of them uses the local
	 *            broker
	 */
	public static List<String> mismatches(List<ProjectBroker> projects, LocalBrokerConfig config,
			List<String> thisComputer) {
		List<String> lines = new ArrayList<>();
		for (ProjectBroker p : projects) {
			if (!thisComputer.contains(p.broker().host())) {
				continue;
			}
			List<String> why = new ArrayList<>();
			if (p.broker().port() != config.port()) {
				why.add("port " + p.broker().port() + ", the local broker's is " + config.port()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (!LocalBrokerConfig.ALL_INTERFACES.equals(config.bindAddress())) {
				why.add("the local broker no longer listens on the LAN, so the board cannot reach it"); //$NON-NLS-1$
			} else if (config.requiresCredentials()) {
				if (!config.username().equals(p.broker().username())) {
					why.add("username " + (p.broker().username() == null ? "none" : p.broker().username()) //$NON-NLS-1$ //$NON-NLS-2$
							+ ", the local broker's is " + config.username()); //$NON-NLS-1$
				} else if (p.password() == null || !Arrays.equals(p.password().toCharArray(), config.password())) {
					why.add("its broker password is not the local broker's"); //$NON-NLS-1$
				}
			}
			if (!why.isEmpty()) {
				lines.add(p.project() + " (" + p.settingsFile() + "): " + String.join("; ", why)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		return lines;
	}
}
