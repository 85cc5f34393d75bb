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

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.internal.Messages;

/**
 * How much history a connection keeps: messages per topic (default 1,000) and a global budget in MB over all
 * topics (default 64), from the core preferences {@value #HISTORY_KEY} and {@value #BUDGET_KEY}, which the Topic
 * Explorer preference page edits.
 */
public final class ExplorerLimits {

	public static final String NODE = "io.mqttdevices.core"; //$NON-NLS-1$
	public static final String HISTORY_KEY = "explorer.historyPerTopic"; //$NON-NLS-1$
	public static final String BUDGET_KEY = "explorer.budgetMb"; //$NON-NLS-1$
	public static final int MAX_HISTORY_PER_TOPIC = 1_000_000;
	public static final int DEFAULT_BUDGET_MB = (int) (TopicTree.DEFAULT_BUDGET_BYTES / (1024 * 1024));
	/** The largest budget the page accepts: 64 GB, far beyond any heap an IDE gets. */
	public static final int MAX_BUDGET_MB = 65_536;

	private ExplorerLimits() {
	}

	public static int historyPerTopic() {
		return Math.max(1, Platform.getPreferencesService().getInt(NODE, HISTORY_KEY,
				TopicTree.DEFAULT_HISTORY_PER_TOPIC, null));
	}

	public static long budgetBytes() {
		long mb = Platform.getPreferencesService().getLong(NODE, BUDGET_KEY,
				TopicTree.DEFAULT_BUDGET_BYTES / (1024 * 1024), null);
		return Math.max(1, mb) * 1024 * 1024;
	}

	/**
	 * Gives the preferences' limits to the trees of every open connection, in a Job (a lower cap drops the oldest
	 * messages of each topic at once).
	 */
	public static Job applyToOpenConnections() {
		int perTopic = historyPerTopic();
		long budget = budgetBytes();
		Job job = Job.create(Messages.ExplorerPreferencePage_applying, monitor -> {
			for (BrokerConnection connection : OpenConnections.get().all()) {
				connection.tree().setLimits(perTopic, budget);
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
		return job;
	}
}
