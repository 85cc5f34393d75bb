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
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mqttdevices.core.projects.SensorNature;
import io.mqttdevices.ui.internal.Messages;

/**
 * Which workspace sensor project a topic belongs to: the topic prefix and client id of each project's
 * {@code config.json} (MicroPython) or {@code settings.toml} (CircuitPython). Read in a Job.
 */
final class ProjectTopics {

	private ProjectTopics() {
	}

	/** A project's topics start with this (prefix/client id, or the whole Adafruit IO feed topic). */
	record Claim(String project, String prefix) {
	}

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
			if (topic.equals(c.prefix()) || topic.startsWith(c.prefix() + '/')) {
				owners.add(c.project());
			}
		}
		return owners.isEmpty() ? null : String.join(", ", owners); //$NON-NLS-1$
	}

	private static void claim(IProject project, List<Claim> claims) throws CoreException {
		IFile json = project.getFile("config.json"); //$NON-NLS-1$
		if (json.exists()) {
			JsonElement parsed = JsonParser.parseString(read(json));
			if (parsed.isJsonObject()) {
				JsonObject o = parsed.getAsJsonObject();
				add(claims, project.getName(), string(o, "topic"), string(o, "client_id")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		IFile toml = project.getFile("settings.toml"); //$NON-NLS-1$
		if (toml.exists()) {
			TomlParseResult settings = Toml.parse(read(toml));
			add(claims, project.getName(), settings.getString("MQTT_TOPIC_PREFIX"), //$NON-NLS-1$
					settings.getString("MQTT_CLIENT_ID")); //$NON-NLS-1$
		}
	}

	private static void add(List<Claim> claims, String project, String prefix, String clientId) {
		if (prefix == null || prefix.isBlank()) {
			return;
		}
		claims.add(new Claim(project, clientId == null || clientId.isBlank() || prefix.contains("/feeds/") //$NON-NLS-1$
				? prefix : prefix + '/' + clientId));
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}

	private static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (java.io.IOException e) {
			return ""; //$NON-NLS-1$
		}
	}
}
