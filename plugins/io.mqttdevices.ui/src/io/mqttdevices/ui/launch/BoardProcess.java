/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.ScriptRun;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.core.serial.SerialPortException;
import io.mqttdevices.ui.internal.Messages;

/**
 * A program running on the board, as the debug framework sees a process: its output goes to a console, what the user
 * types there goes to the board, and Stop (terminate) sends Ctrl-C and gives the serial port back (the REPL view
 * resumes). A started file ends by itself when it returns (its traceback, if any, is the error stream); a board reset
 * into {@code main.py} runs until stopped.
 */
final class BoardProcess implements IProcess {

	private final ILaunch launch;
	private final String label;
	private final PortLease lease;
	private final RawRepl repl;
	private final ScriptRun run;
	private final boolean endsByItself;
	private final TextStreamMonitor out = new TextStreamMonitor();
	private final TextStreamMonitor err = new TextStreamMonitor();
	private final Map<String, String> attributes = new HashMap<>();
	private final Thread reader;
	private volatile boolean terminated;
	private volatile boolean stopping;
	private volatile int exitValue;

	/**
	 * @param run the started file, or null for a board reset into {@code main.py}
	 */
	BoardProcess(ILaunch launch, String label, PortLease lease, RawRepl repl, ScriptRun run) {
		this.launch = launch;
		this.label = label;
		this.lease = lease;
		this.repl = repl;
		this.run = run;
		this.endsByItself = run != null;
		this.reader = new Thread(this::read, "Run on Board: " + label); //$NON-NLS-1$
		reader.setDaemon(true);
		launch.addProcess(this);
		fire(DebugEvent.CREATE);
		reader.start();
	}

	private void read() {
		byte[] buffer = new byte[1024];
		int part = 0; // 0 output, 1 traceback, 2 done (a started file: Ctrl-D ends each part)
		try {
			while (!stopping && part < 2) {
				int n = run != null ? run.read(buffer) : repl.readRunning(buffer);
				int from = 0;
				for (int i = 0; i < n && endsByItself; i++) {
					if (buffer[i] == 0x04) {
						emit(part, buffer, from, i);
						from = i + 1;
						part++;
						if (part == 2) {
							break;
						}
					}
				}
				if (part < 2) {
					emit(part, buffer, from, n);
				}
			}
			exitValue = err.getContents().isEmpty() ? 0 : 1;
		} catch (IOException e) {
			if (!stopping) {
				err.append(NLS.bind(Messages.BoardProcess_lost, e.getMessage()) + "\n"); //$NON-NLS-1$
				exitValue = 1;
			}
		}
		finish();
	}

	private void emit(int part, byte[] buffer, int from, int to) {
		if (to > from) {
			String text = new String(buffer, from, to - from, StandardCharsets.UTF_8).replace("\r\n", "\n"); //$NON-NLS-1$ //$NON-NLS-2$
			(part == 0 ? out : err).append(text);
		}
	}

	private synchronized void finish() {
		if (lease.isClosed()) {
			return;
		}
		try {
			if (endsByItself) {
				repl.exit();
			}
		} catch (SerialPortException e) {
			// the board is gone; the port goes back all the same
		}
		try {
			lease.close();
		} catch (IOException e) {
			ILog.of(getClass()).warn("Could not give the serial port back", e); //$NON-NLS-1$
		}
		terminated = true;
		fire(DebugEvent.TERMINATE);
	}

	@Override
	public void terminate() {
		if (terminated) {
			return;
		}
		stopping = true; // first: a piece being started when the Ctrl-C arrives fails, and that is no error
		try {
			repl.interrupt();
		} catch (SerialPortException e) {
			// unplugged: nothing to stop
		}
		try {
			reader.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finish();
	}

	@Override
	public boolean canTerminate() {
		return !terminated;
	}

	@Override
	public boolean isTerminated() {
		return terminated;
	}

	@Override
	public String getLabel() {
		return label;
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public IStreamsProxy getStreamsProxy() {
		return new IStreamsProxy() {
			@Override
			public IStreamMonitor getOutputStreamMonitor() {
				return out;
			}

			@Override
			public IStreamMonitor getErrorStreamMonitor() {
				return err;
			}

			@Override
			public void write(String input) throws IOException {
				repl.send(input.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		};
	}

	@Override
	public void setAttribute(String key, String value) {
		attributes.put(key, value);
	}

	@Override
	public String getAttribute(String key) {
		return attributes.get(key);
	}

	@Override
	public int getExitValue() {
		return exitValue;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	private void fire(int kind) {
		DebugPlugin plugin = DebugPlugin.getDefault();
		if (plugin != null) {
			plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
		}
	}
}
