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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;

/**
 * A terminal session on a board's REPL that survives resets and shares its port. It {@link PortArbiter#hold holds}
 * the port, copies what the board prints to an output stream on its own reader thread, and writes what the user
 * types on a writer thread, so no caller ever blocks on the port. When the port vanishes (reset, USB
 * re-enumeration, unplug) it says so and reopens it by itself as soon as it is back. Borrowers (upload, flash, run)
 * {@link #pause pause} it and it {@link #resume resumes} afterwards.
 */
public final class ReplSession implements PortHolder, AutoCloseable {

	/** The session's name as borrowers and other holders see it. */
	public static final String OWNER = "Board REPL"; //$NON-NLS-1$

	public enum State {
		/** The port is open and the session reads and writes it. */
		CONNECTED,
		/** The port is missing or busy; the session retries on its own. */
		WAITING,
		/** A borrower uses the port; the session stands still until it is done. */
		PAUSED,
		/** Not started, or closed. */
		DISCONNECTED
	}

	/** Told of every state change, on whatever thread made it. */
	public interface Listener {
		/**
		 * @param detail what the user should know, e.g. why the session waits or who borrowed the port; may be empty
		 */
		void stateChanged(State state, String detail);
	}

	static final long RETRY_FIRST_MS = 100;
	static final long RETRY_MAX_MS = 500;
	private static final long PAUSE_ACK_MS = 5000;
	private static final long SILENCE_CHECK_MS = 1000;
	private static final long NO_ANSWER_MS = 3000;
	private static final long JOIN_MS = 2000;

	private final String path;
	private final int baudRate;
	private final PortArbiter arbiter;
	private final ReplOutput output;
	private final Listener listener;
	private final Object lock = new Object();

	// guarded by lock
	private PortLease lease;
	private State state = State.DISCONNECTED;
	private boolean paused;
	private String borrower;
	private boolean readerParked;
	private boolean writerBusy;
	private boolean closed;
	private String lastProblem;
	private boolean problemNoted;
	private String lastDropNote;

	private Thread reader;
	private final ReplWriter writer;

	/**
	 * @param output receives the board's bytes and the session's own notes (as lines in brackets)
	 */
	public ReplSession(String path, int baudRate, OutputStream output, Listener listener) {
		this.path = path == null ? "" : path.strip(); //$NON-NLS-1$
		this.baudRate = baudRate;
		this.arbiter = PortArbiter.getDefault();
		this.output = new ReplOutput(output);
		this.listener = listener;
		this.writer = new ReplWriter("Board REPL writer " + this.path, new ReplWriter.Gate() { //$NON-NLS-1$
			@Override
			public boolean beginWrite() {
				return ReplSession.this.beginWrite();
			}

			@Override
			public void endWrite() {
				ReplSession.this.endWrite();
			}
		});
	}

	public String path() {
		return path;
	}

	public State state() {
		synchronized (lock) {
			return state;
		}
	}

	/** Starts connecting, in the background: the state tells how it goes. */
	public void start() {
		synchronized (lock) {
			if (reader != null || closed) {
				return;
			}
			reader = new Thread(this::readLoop, "Board REPL reader " + path); //$NON-NLS-1$
			reader.setDaemon(true);
		}
		output.note("Connecting to " + path + " at " + baudRate + " baud..."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		reader.start();
		writer.start();
	}

	/** Sends what the user typed; never blocks. While the port is away, the input is dropped and that is said once. */
	public void send(byte[] data) {
		if (data.length > 0) {
			enqueue(() -> writeNow(data));
		}
	}

	/** Ctrl-C: stops the running program. */
	public void interrupt() {
		send(ReplInput.INTERRUPT);
	}

	/** Ctrl-C, Ctrl-D: soft reboot, files kept. */
	public void softReset() {
		send(ReplInput.SOFT_RESET);
	}

	/** Runs multi-line code through paste mode, so its indentation survives. */
	public void paste(String code) {
		send(ReplInput.pasteMode(code));
	}

	/**
	 * Restarts the board as on power-up: a DTR/RTS pulse where the adapter is wired for it, else
	 * {@code machine.reset()}.
	 */
	public void hardReset() {
		enqueue(() -> {
			SerialConnection connection = connection();
			if (connection == null) {
				return;
			}
			boolean wired = SerialPorts.find(path).map(SerialPortInfo::resetsByDtrRts).orElse(false);
			try {
				if (wired && connection.pulseReset()) {
					output.note("Hard reset (DTR/RTS)"); //$NON-NLS-1$
					return;
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			output.note("Hard reset (machine.reset())"); //$NON-NLS-1$
			writeNow(ReplInput.MACHINE_RESET);
		});
	}

	/** Stops the session and gives the port back. Calling it again does nothing. */
	@Override
	public void close() {
		PortLease held;
		synchronized (lock) {
			if (closed) {
				return;
			}
			closed = true;
			held = lease;
			lease = null;
			lock.notifyAll();
		}
		writer.stop(JOIN_MS);
		if (reader != null && reader != Thread.currentThread()) {
			reader.interrupt();
			try {
				reader.join(JOIN_MS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		release(held);
		setState(State.DISCONNECTED, ""); //$NON-NLS-1$
		output.note("Disconnected from " + path); //$NON-NLS-1$
	}

	@Override
	public void pause(String who) {
		synchronized (lock) {
			if (closed) {
				return;
			}
			paused = true;
			borrower = who;
			lock.notifyAll();
			long deadline = System.nanoTime() + PAUSE_ACK_MS * 1_000_000;
			try {
				while (!(readerParked && !writerBusy) && reader != null && reader.isAlive()
						&& System.nanoTime() < deadline) {
					lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		setState(State.PAUSED, who);
		output.note("Paused: " + who + " is using " + path); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public void resume(String who) {
		State now;
		synchronized (lock) {
			if (closed || !paused) {
				return;
			}
			paused = false;
			borrower = null;
			lastDropNote = null;
			now = lease != null ? State.CONNECTED : State.WAITING;
			lock.notifyAll();
		}
		setState(now, ""); //$NON-NLS-1$
		output.note("Resumed after " + who); //$NON-NLS-1$
	}

	private void readLoop() {
		byte[] buffer = new byte[4096];
		long retry = RETRY_FIRST_MS;
		long lastByte = System.nanoTime();
		long lastCheck = lastByte;
		boolean answered = true;
		while (true) {
			SerialConnection connection;
			synchronized (lock) {
				try {
					while (paused && !closed) {
						readerParked = true;
						lock.notifyAll();
						lock.wait();
					}
				} catch (InterruptedException e) {
					// closing
				}
				readerParked = false;
				if (closed) {
					return;
				}
				connection = lease != null ? lease.connection() : null;
			}
			if (connection == null) {
				if (connect()) {
					retry = RETRY_FIRST_MS;
					lastByte = lastCheck = System.nanoTime();
					answered = false;
					send(ReplInput.ENTER);
				} else {
					retry = waitBeforeRetry(retry);
				}
				continue;
			}
			int n;
			try {
				n = connection.read(buffer);
			} catch (SerialPortException e) {
				lost(connection, e.getMessage());
				continue;
			}
			long now = System.nanoTime();
			if (n > 0) {
				output.write(buffer, n);
				lastByte = now;
				answered = true;
			} else if (now - lastCheck > SILENCE_CHECK_MS * 1_000_000) {
				lastCheck = now;
				if (vanished()) {
					lost(connection, "Serial port " + path + " is gone."); //$NON-NLS-1$ //$NON-NLS-2$
				} else if (!answered && now - lastByte > NO_ANSWER_MS * 1_000_000) {
					answered = true;
					output.note("No answer from " + path + " yet: a program may be running (Interrupt stops it)," //$NON-NLS-1$ //$NON-NLS-2$
							+ " or this is not a MicroPython board, or the baud rate is not " + baudRate); //$NON-NLS-1$
				}
			}
		}
	}

	/** Tries to hold the port once; on failure says why, once per distinct reason. */
	private boolean connect() {
		try {
			PortLease held = arbiter.hold(path, baudRate, OWNER, this);
			boolean reconnected;
			synchronized (lock) {
				if (closed) {
					release(held);
					return false;
				}
				lease = held;
				reconnected = lastProblem != null;
				lastProblem = null;
				problemNoted = false;
				lastDropNote = null;
			}
			setState(State.CONNECTED, ""); //$NON-NLS-1$
			output.note((reconnected ? "Reconnected to " : "Connected to ") + path); //$NON-NLS-1$ //$NON-NLS-2$
			return true;
		} catch (SerialPortException e) {
			String problem = e.getMessage();
			boolean isNew;
			boolean say;
			synchronized (lock) {
				isNew = !problem.equals(lastProblem);
				// right after a lost connection the port is simply missing: that was said already
				say = isNew && !problemNoted;
				problemNoted = false;
				lastProblem = problem;
			}
			if (isNew) {
				setState(State.WAITING, problem);
			}
			if (say) {
				ILog.of(getClass()).warn(problem);
				output.note(problem + " Waiting for " + path + "..."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return false;
		}
	}

	/** Waits before the next try, doubling up to {@link #RETRY_MAX_MS}; a pause or close cuts it short. */
	private long waitBeforeRetry(long retry) {
		synchronized (lock) {
			if (!closed && !paused) {
				try {
					lock.wait(retry);
				} catch (InterruptedException e) {
					// closing
				}
			}
		}
		return Math.min(RETRY_MAX_MS, retry * 2);
	}

	/** The open port broke: give it back and wait for it to come back. */
	private void lost(SerialConnection connection, String why) {
		PortLease broken;
		synchronized (lock) {
			if (lease == null || lease.connection() != connection || closed) {
				return;
			}
			broken = lease;
			lease = null;
			lastProblem = why;
			problemNoted = true;
		}
		writer.clear();
		release(broken);
		setState(State.WAITING, why);
		output.note(why + " Waiting for " + path + "..."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private boolean vanished() {
		if (!path.startsWith("/")) { //$NON-NLS-1$
			return false; // COM ports: jSerialComm reports removal as a read error
		}
		return !Files.exists(Path.of(path));
	}

	/** Marks the writer busy, unless the session is closed or paused (then the input is dropped). */
	private boolean beginWrite() {
		synchronized (lock) {
			if (closed) {
				return false;
			}
			if (paused) {
				dropped("Input not sent: " + borrower + " is using " + path); //$NON-NLS-1$ //$NON-NLS-2$
				return false;
			}
			writerBusy = true;
			return true;
		}
	}

	private void endWrite() {
		synchronized (lock) {
			writerBusy = false;
			lock.notifyAll();
		}
	}

	/** On the writer thread: writes to the open port, or says once that there is none. */
	private void writeNow(byte[] data) {
		SerialConnection connection = connection();
		if (connection == null) {
			return;
		}
		try {
			connection.write(data);
		} catch (SerialPortException e) {
			lost(connection, e.getMessage());
		}
	}

	private SerialConnection connection() {
		synchronized (lock) {
			if (lease == null) {
				dropped("Input not sent: not connected to " + path); //$NON-NLS-1$
				return null;
			}
			return lease.connection();
		}
	}

	/** Says that input was dropped, once until the port is back. Called with the lock held. */
	private void dropped(String note) {
		if (!note.equals(lastDropNote)) {
			lastDropNote = note;
			output.note(note);
		}
	}

	private void enqueue(Runnable job) {
		synchronized (lock) {
			if (closed) {
				return;
			}
		}
		writer.submit(job);
	}

	private void setState(State newState, String detail) {
		synchronized (lock) {
			if (closed && newState != State.DISCONNECTED) {
				return;
			}
			state = newState;
		}
		if (listener != null) {
			listener.stateChanged(newState, detail);
		}
	}

	private static void release(PortLease held) {
		if (held == null) {
			return;
		}
		try {
			held.close();
		} catch (IOException e) {
			ILog.of(ReplSession.class).warn("Closing serial port " + held.path() + " failed: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
