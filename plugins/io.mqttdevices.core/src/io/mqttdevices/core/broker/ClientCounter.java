/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;

/** Tells the local broker's listeners when a client comes or goes, so the status line counts them. */
final class ClientCounter extends AbstractInterceptHandler {

	private final Runnable changed;

	ClientCounter(Runnable changed) {
		this.changed = changed;
	}

	@Override
	public String getID() {
		return "io.mqttdevices.core.broker.clientCounter"; //$NON-NLS-1$
	}

	@Override
	public Class<?>[] getInterceptedMessageTypes() {
		return new Class<?>[] { InterceptConnectMessage.class, InterceptDisconnectMessage.class,
				InterceptConnectionLostMessage.class };
	}

	@Override
	public void onConnect(InterceptConnectMessage message) {
		changed.run();
	}

	@Override
	public void onDisconnect(InterceptDisconnectMessage message) {
		changed.run();
	}

	@Override
	public void onConnectionLost(InterceptConnectionLostMessage message) {
		changed.run();
	}

	@Override
	public void onSessionLoopError(Throwable error) {
		// the broker logs it; the client count is unaffected
	}
}
