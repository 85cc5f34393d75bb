/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

/**
 * Ending a Paho client the same way for MQTT 5 and 3.1.1, whose exceptions share no type: steps whose failure only
 * means there was nothing to end, and a close that waits out a reconnect attempt under way.
 */
final class ClientClosing {

	private static final int CLOSE_ATTEMPTS = 50;
	private static final long CLOSE_RETRY_MS = 100;
	/** Paho's reason code for "a connect is in progress" (its reconnect cycle), the same in v3 and v5. */
	private static final int CONNECT_IN_PROGRESS = 32110;

	/** A Paho call that may throw its MqttException. */
	interface Step {
		void run() throws Exception;
	}

	private ClientClosing() {
	}

	/** Runs a step whose MqttException only says there was nothing to end (not connected, already closed). */
	static void quietly(Step step) {
		try {
			step.run();
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			// nothing to end
		}
	}

	/** Closes the client, waiting while Paho refuses because a reconnect attempt is under way. */
	static void close(Step close) {
		for (int attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
			try {
				close.run();
				return;
			} catch (RuntimeException e) {
				throw e;
			} catch (Exception e) {
				if (ConnectionErrors.reasonCode(e) != CONNECT_IN_PROGRESS) {
					return;
				}
				// a reconnect attempt is under way: it ends within its connection timeout
				sleep(CLOSE_RETRY_MS);
			}
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
