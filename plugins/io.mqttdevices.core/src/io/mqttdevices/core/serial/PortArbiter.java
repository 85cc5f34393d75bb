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
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One owner per serial port at a time. A long-lived user (the REPL view) {@link #hold holds} a port and lends it:
 * a short action (upload, flash, run) {@link #borrow borrows} it, the holder pauses, the action uses the same open
 * connection (no close and reopen, so no reset), and when its lease closes the holder resumes. Two holders, or two
 * borrowers at once, never share a port: the second gets a message naming the first, or waits for it.
 */
public final class PortArbiter {

	private static final PortArbiter DEFAULT = new PortArbiter();

	/** Who has one port. Guarded by the arbiter's lock. */
	private static final class Claim {
		final SerialConnection connection;
		String holderName;
		PortHolder holder;
		String borrowerName;

		Claim(SerialConnection connection) {
			this.connection = connection;
		}
	}

	private final Map<String, Claim> claims = new HashMap<>();

	/** The arbiter of this IDE's serial ports. */
	public static PortArbiter getDefault() {
		return DEFAULT;
	}

	/**
	 * Opens a port for a holder that lends it to borrowers until it closes its lease.
	 *
	 * @param name   the holder, as the user knows it, e.g. "Board REPL"
	 * @throws SerialPortException when the port cannot be opened or someone else has it
	 */
	public PortLease hold(String path, int baudRate, String name, PortHolder holder) throws SerialPortException {
		String key = key(path);
		synchronized (this) {
			Claim claim = claims.get(key);
			if (claim != null) {
				throw inUse(key, claim);
			}
			claim = new Claim(SerialPorts.open(key, baudRate));
			claim.holderName = name;
			claim.holder = holder;
			claims.put(key, claim);
			return new PortLease(this, key, name, claim.connection, false);
		}
	}

	/**
	 * Borrows a port for a short action. A holder of the port is paused and the action gets its open connection;
	 * a free port is opened. When another action has borrowed the port, this waits for it up to {@code wait}.
	 *
	 * @param name what borrows the port, as the user knows it, e.g. "Upload to Board"
	 * @throws SerialPortException  when the port cannot be opened or stays in use for {@code wait}
	 * @throws InterruptedException when interrupted while waiting
	 */
	public PortLease borrow(String path, int baudRate, String name, Duration wait)
			throws SerialPortException, InterruptedException {
		String key = key(path);
		Claim claim;
		synchronized (this) {
			long deadline = System.nanoTime() + wait.toNanos();
			while ((claim = claims.get(key)) != null && claim.borrowerName != null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw inUse(key, claim);
				}
				wait(Math.max(1, left / 1_000_000));
			}
			if (claim == null) {
				claim = new Claim(SerialPorts.open(key, baudRate));
				claims.put(key, claim);
			}
			claim.borrowerName = name;
		}
		PortHolder holder = claim.holder;
		if (holder != null) {
			holder.pause(name);
		}
		return new PortLease(this, key, name, claim.connection, true);
	}

	/** Who has the port now (holder or borrower), as the user knows them; empty when it is free. */
	public synchronized Optional<String> ownerOf(String path) {
		Claim claim = path == null ? null : claims.get(path.strip());
		if (claim == null) {
			return Optional.empty();
		}
		return Optional.of(claim.borrowerName != null ? claim.borrowerName : claim.holderName);
	}

	void release(PortLease lease, boolean borrowed) throws IOException {
		PortHolder resume = null;
		synchronized (this) {
			Claim claim = claims.get(lease.path());
			if (claim == null || claim.connection != lease.connection()) {
				return;
			}
			if (borrowed) {
				claim.borrowerName = null;
				resume = claim.holder;
			} else {
				claim.holder = null;
				claim.holderName = null;
			}
			if (claim.holder == null && claim.borrowerName == null) {
				// closed before anyone is told the port is free: a waiting borrower that opens it at once must not
				// find it still open (ports are opened exclusively)
				try {
					claim.connection.close();
				} finally {
					claims.remove(lease.path());
					notifyAll();
				}
				return;
			}
			notifyAll();
		}
		if (resume != null) {
			resume.resume(lease.owner());
		}
	}

	private static SerialPortException inUse(String path, Claim claim) {
		String owner = claim.borrowerName != null ? claim.borrowerName : claim.holderName;
		return new SerialPortException("Serial port " + path + " is in use by " + owner + "."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String key(String path) throws SerialPortException {
		if (path == null || path.isBlank()) {
			throw new SerialPortException("No serial port given."); //$NON-NLS-1$
		}
		return path.strip();
	}
}
