/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.broker;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.ui.internal.Messages;

/** MQTT Devices > Stop Local Broker: stops the IDE's broker (its clients are disconnected), in a Job. */
public class StopLocalBrokerHandler extends LocalBrokerHandler {

	public static final String COMMAND_ID = "io.mqttdevices.ui.commands.stopLocalBroker"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) {
		Job job = Job.create(Messages.LocalBroker_stopJob, monitor -> {
			broker().stop();
			return Status.OK_STATUS;
		});
		job.setRule(ONE_AT_A_TIME);
		job.schedule();
		return null;
	}

	@Override
	boolean enabledWhen(LocalBrokerStatus status) {
		return status.running();
	}
}
