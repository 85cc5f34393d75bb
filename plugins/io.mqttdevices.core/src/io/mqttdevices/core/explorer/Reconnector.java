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

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a lost connection tries again, so that the user can be told: {@link BrokerConnection#RECONNECT_MIN_S} s
 * after the loss, then twice as long after each failed try up to {@link BrokerConnection#RECONNECT_MAX_S} s; or at
 * once when asked. The tries run one at a time on a thread of their own, made at the first loss.
 */
final class Reconnector {

	private final Runnable attempt;
	private final String threadName;
	private ScheduledExecutorService executor;
	private ScheduledFuture<?> next;
	private long nextAt;
	private int delayS = BrokerConnection.RECONNECT_MIN_S;
	private boolean stopped;

	Reconnector(Runnable attempt, String threadName) {
		this.attempt = attempt;
		this.threadName = threadName;
	}

	/** Plans the first try after a loss; returns when it will be (epoch milliseconds), 0 when stopped. */
	synchronized long afterLoss() {
		delayS = BrokerConnection.RECONNECT_MIN_S;
		return schedule(delayS);
	}

	/** Plans the next try after a failed one, twice as far off up to the maximum; returns when, or 0. */
	synchronized long afterFailure() {
		delayS = Math.min(delayS * 2, BrokerConnection.RECONNECT_MAX_S);
		return schedule(delayS);
	}

	/** Makes the planned try now; false when none is planned (connected, stopped, or a try is running). */
	synchronized boolean now() {
		if (stopped || next == null) {
			return false;
		}
		schedule(0);
		return true;
	}

	/** When the planned try is, in epoch milliseconds; 0 when none is planned. */
	synchronized long nextTryAt() {
		return nextAt;
	}

	/** No more tries; a running one is interrupted. */
	synchronized void stop() {
		stopped = true;
		if (next != null) {
			next.cancel(false);
			next = null;
		}
		nextAt = 0;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	private long schedule(int seconds) {
		if (stopped) {
			return 0;
		}
		if (next != null) {
			next.cancel(false);
		}
		if (executor == null) {
			executor = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, threadName);
				thread.setDaemon(true);
				return thread;
			});
		}
		nextAt = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(seconds);
		next = executor.schedule(this::run, seconds, TimeUnit.SECONDS);
		return nextAt;
	}

	private void run() {
		synchronized (this) {
			if (stopped) {
				return;
			}
			next = null;
			nextAt = 0;
		}
		attempt.run();
	}
}
