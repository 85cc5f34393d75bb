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

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to use one serial port, from {@link PortArbiter#hold} or {@link PortArbiter#borrow}. Closing it gives
 * the port back: a borrowed port goes back to its holder, which resumes; an unheld port is closed.
 */
public final class PortLease implements AutoCloseable {

	private final PortArbiter arbiter;
	private final String path;
	private final String owner;
	private final SerialConnection connection;
	private final boolean borrowed;
	private final AtomicBoolean closed = new AtomicBoolean();

	PortLease(PortArbiter arbiter, String path, String owner, SerialConnection connection, boolean borrowed) {
		this.arbiter = arbiter;
		this.path = path;
		this.owner = owner;
		this.connection = connection;
		this.borrowed = borrowed;
	}

	/** The open port, shared with nobody while this lease is in use. */
	public SerialConnection connection() {
		return connection;
	}

	public String path() {
		return path;
	}

	/** Who uses the port through this lease, as shown to the user. */
	public String owner() {
		return owner;
	}

	public boolean isClosed() {
		return closed.get();
	}

	/** Gives the port back. Calling it again does nothing. */
	@Override
	public void close() throws IOException {
		if (closed.compareAndSet(false, true)) {
			arbiter.release(this, borrowed);
		}
	}
}
