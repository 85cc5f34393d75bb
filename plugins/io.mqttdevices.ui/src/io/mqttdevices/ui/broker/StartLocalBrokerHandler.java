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
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.broker.LocalBrokerException;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.ui.internal.Messages;

/**
 * MQTT Devices > Start Local Broker: starts the IDE's broker with the Local Broker preferences, in a Job; what
 * goes wrong (port in use, LAN without password, secure storage locked) becomes an error status with the reason.
 */
public class StartLocalBrokerHandler extends LocalBrokerHandler {

	public static final String COMMAND_ID = "io.mqttdevices.ui.commands.startLocalBroker"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) {
		Job job = Job.create(Messages.LocalBroker_startJob, monitor -> {
			try {
				LocalBrokerConfig config = LocalBrokerPreferences.config();
				broker().start(config);
				return Status.OK_STATUS;
			} catch (LocalBrokerException e) {
				return error(e.getMessage());
			} catch (StorageException e) {
				return error(NLS.bind(Messages.LocalBroker_secureStorageFailed, e.getMessage()));
			}
		});
		job.setRule(ONE_AT_A_TIME);
		job.setUser(true);
		job.schedule();
		return null;
	}

	private static IStatus error(String message) {
		return Status.error(NLS.bind(Messages.LocalBroker_startFailed, message));
	}

	@Override
	boolean enabledWhen(LocalBrokerStatus status) {
		return !status.running();
	}
}
