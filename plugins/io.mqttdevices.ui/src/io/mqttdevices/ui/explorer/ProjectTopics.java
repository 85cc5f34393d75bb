/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.explorer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.mqttdevices.core.projects.ProjectBrokerProfile;
import io.mqttdevices.core.projects.ProjectBrokerProfile.Broker;
import io.mqttdevices.core.projects.SensorNature;
import io.mqttdevices.core.templates.Board;
import io.mqttdevices.ui.internal.Messages;

/**
 * Which workspace sensor project's device publishes a topic: its state topic ({@code <prefix>/<client id>}), the
 * availability and error topics below it and its Home Assistant discovery configs
 * ({@code homeassistant/<component>/<client id>/<value>/config}), from the topic prefix and client id of the
 * project's {@code config.json} (MicroPython) or {@code settings.toml} (CircuitPython). A client id left empty is made
 * on the board as {@code <board prefix>_<unique id in hex>}, the board prefix being the one the project's program
 * names. Other publishers' topics under the same prefix belong to no project. Read in a Job.
 */
final class ProjectTopics {

	private ProjectTopics() {
	}

	/** The topics a project's device publishes. */
	record Claim(String project, Pattern topics) {
	}

	private static final String DISCOVERY = "homeassistant/[^/]+/"; //$NON-NLS-1$
	private static final String BELOW = "(/.*)?"; //$NON-NLS-1$

	static void load(Consumer<Function<String, String>> done) {
		Job job = Job.create(Messages.TopicExplorer_readingProjects, monitor -> {
			List<Claim> claims = new ArrayList<>();
			for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
				try {
					if (project.isOpen() && project.hasNature(SensorNature.ID)) {
						claim(project, claims);
					}
				} catch (CoreException | RuntimeException e) {
					// a broken settings file is the builder's to report; it just claims no topic
				}
			}
			done.accept(topic -> owner(claims, topic));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	static String owner(List<Claim> claims, String topic) {
		List<String> owners = new ArrayList<>();
		for (Claim c : claims) {
			if (c.topics().matcher(topic).matches()) {
				owners.add(c.project());
			}
		}
		return owners.isEmpty() ? null : String.join(", ", owners); //$NON-NLS-1$
	}

	/** Whether a topic is one this project's device publishes. */
	static Predicate<String> deviceTopics(IProject project) throws CoreException {
		List<Claim> claims = new ArrayList<>();
		claim(project, claims);
		return topic -> owner(claims, topic) != null;
	}

	/** The topics the project's settings file has its device publish to; none without a broker and a prefix. */
	private static void claim(IProject project, List<Claim> claims) throws CoreException {
		Optional<Broker> settings = ProjectBrokerProfile.read(project);
		if (settings.isPresent()) {
			add(claims, project, settings.get().topic(), settings.get().clientId());
		}
	}

	private static void add(List<Claim> claims, IProject project, String prefix, String clientId)
			throws CoreException {
		if (prefix == null || prefix.isBlank()) {
			return;
		}
		Pattern topics;
		if (prefix.contains("/feeds/")) { //$NON-NLS-1$
			// Adafruit IO: the feed, and the feeds beside it named after it (-availability, -error, -<value>)
			topics = Pattern.compile(Pattern.quote(prefix) + "(-[^/]*)?"); //$NON-NLS-1$
		} else {
			String id = clientId == null || clientId.isBlank() ? madeOnTheBoard(project) : Pattern.quote(clientId);
			topics = Pattern.compile(Pattern.quote(prefix) + '/' + id + BELOW + '|' + DISCOVERY + id + "/.*"); //$NON-NLS-1$
		}
		claims.add(new Claim(project.getName(), topics));
	}

	/** The client ids a board makes from its unique id, for the board prefixes the project's program names. */
	private static String madeOnTheBoard(IProject project) throws CoreException {
		String program = ""; //$NON-NLS-1$
		for (String name : List.of("main.py", "code.py")) { //$NON-NLS-1$ //$NON-NLS-2$
			IFile file = project.getFile(name);
			if (file.exists()) {
				program += read(file);
			}
		}
		List<String> named = new ArrayList<>();
		List<String> all = new ArrayList<>();
		for (Board board : Board.values()) {
			all.add(Pattern.quote(board.clientIdPrefix()));
			if (program.contains('"' + board.clientIdPrefix() + '_')) {
				named.add(Pattern.quote(board.clientIdPrefix()));
			}
		}
		return "(" + String.join("|", named.isEmpty() ? all : named) + ")_[0-9a-f]{2,}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (java.io.IOException e) {
			return ""; //$NON-NLS-1$
		}
	}
}
