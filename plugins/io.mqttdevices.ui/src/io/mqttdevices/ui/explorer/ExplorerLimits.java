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

import io.mqttdevices.core.explorer.TopicTree;

/**
 * How much history a new connection keeps: messages per topic (default 1,000) and a global budget in MB over all
 * topics (default 64), from the core preferences {@value #HISTORY_KEY} and {@value #BUDGET_KEY}.
 */
final class ExplorerLimits {

	static final String NODE = "io.mqttdevices.core"; //$NON-NLS-1$
	static final String HISTORY_KEY = "explorer.historyPerTopic"; //$NON-NLS-1$
	static final String BUDGET_KEY = "explorer.budgetMb"; //$NON-NLS-1$

	private ExplorerLimits() {
	}

	static int historyPerTopic() {
		return Math.max(1, Platform.getPreferencesService().getInt(NODE, HISTORY_KEY,
				TopicTree.DEFAULT_HISTORY_PER_TOPIC, null));
	}

	static long budgetBytes() {
		long mb = Platform.getPreferencesService().getLong(NODE, BUDGET_KEY,
				TopicTree.DEFAULT_BUDGET_BYTES / (1024 * 1024), null);
		return Math.max(1, mb) * 1024 * 1024;
	}
}
