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

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.swt.widgets.Display;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerListener;
import io.mqttdevices.core.broker.LocalBrokerStatus;

/**
 * Base of the Start and Stop Local Broker handlers: enabled while the IDE's broker is stopped (start) or running
 * (stop), following its status.
 */
abstract class LocalBrokerHandler extends AbstractHandler {

	/** Start and stop Jobs run one at a time. */
	static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};

	private final LocalBroker broker = LocalBroker.ide().orElse(null);
	private final LocalBrokerListener listener = this::statusChanged;

	LocalBrokerHandler() {
		if (broker != null) {
			broker.addListener(listener);
			setBaseEnabled(enabledWhen(broker.status()));
		} else {
			setBaseEnabled(false);
		}
	}

	/** The IDE's broker (null only when the core bundle's service is missing, and then the handler is disabled). */
	LocalBroker broker() {
		return broker;
	}

	abstract boolean enabledWhen(LocalBrokerStatus status);

	private void statusChanged(LocalBrokerStatus status) {
		Display display = Display.getDefault();
		if (!display.isDisposed()) {
			display.asyncExec(() -> setBaseEnabled(enabledWhen(status)));
		}
	}

	@Override
	public void dispose() {
		if (broker != null) {
			broker.removeListener(listener);
		}
		super.dispose();
	}
}
