/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.serial;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The REPL session's writer thread: what the user sends waits in a queue and is written here, so the caller (the UI
 * thread) never waits on the port. The session decides, job by job, whether the port may be written now.
 */
final class ReplWriter {

	/** The session's side: may a job write now, and that it is done. */
	interface Gate {
		/** Marks the writer busy and returns true, or returns false when the job is to be dropped. */
		boolean beginWrite();

		void endWrite();
	}

	private final BlockingQueue<Runnable> outbox = new LinkedBlockingQueue<>();
	private final Thread thread;
	private final Gate gate;

	ReplWriter(String name, Gate gate) {
		this.gate = gate;
		this.thread = new Thread(this::loop, name);
		thread.setDaemon(true);
	}

	void start() {
		thread.start();
	}

	void submit(Runnable job) {
		outbox.add(job);
	}

	/** Forgets what has not been written yet (the port went away). */
	void clear() {
		outbox.clear();
	}

	/** Stops the thread, waiting for a write in progress at most {@code millis}. */
	void stop(long millis) {
		outbox.clear();
		thread.interrupt();
		if (thread != Thread.currentThread()) {
			try {
				thread.join(millis);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void loop() {
		while (!Thread.currentThread().isInterrupted()) {
			Runnable job;
			try {
				job = outbox.take();
			} catch (InterruptedException e) {
				return;
			}
			if (!gate.beginWrite()) {
				continue;
			}
			try {
				job.run();
			} finally {
				gate.endWrite();
			}
		}
	}
}
