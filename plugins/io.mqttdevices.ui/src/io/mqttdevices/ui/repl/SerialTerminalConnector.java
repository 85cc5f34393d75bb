/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.repl;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.tm.internal.terminal.connector.TerminalConnector;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalConnector;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalControl;
import org.eclipse.tm.internal.terminal.provisional.api.TerminalState;
import org.eclipse.tm.internal.terminal.provisional.api.provider.TerminalConnectorImpl;

import io.mqttdevices.core.serial.ReplInput;
import io.mqttdevices.core.serial.ReplSession;

/**
 * The terminal control's connector to a board's serial REPL, built like the platform's telnet connector: the
 * connector hands the work to a {@link ReplSession} started on a worker thread, and the terminal stays connected to
 * the session while the session itself waits for, reconnects to, or lends the port. Keys go to the board as typed;
 * a multi-line paste goes through MicroPython's paste mode so its indentation survives.
 */
public final class SerialTerminalConnector extends TerminalConnectorImpl {

	static final String ID = "io.mqttdevices.ui.repl.serialConnector"; //$NON-NLS-1$
	private static final long CLOSE_WAIT_MS = 300;

	private final String path;
	private final int baudRate;
	private final Listener listener;
	private volatile ReplSession session;

	private final OutputStream toBoard = new OutputStream() {
		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) {
			ReplSession current = session;
			if (current == null || length == 0) {
				return;
			}
			byte[] chunk = Arrays.copyOfRange(data, offset, offset + length);
			String text = new String(chunk, StandardCharsets.UTF_8);
			// keys arrive one at a time; a paste arrives whole
			if (length > 1 && ReplInput.isMultiLine(text)) {
				current.paste(text);
			} else {
				current.send(chunk);
			}
		}
	};

	/** Told of the session's state changes, on the session's threads. */
	interface Listener {
		void sessionChanged(SerialTerminalConnector source, ReplSession.State state, String detail);
	}

	SerialTerminalConnector(String path, int baudRate, Listener listener) {
		this.path = path;
		this.baudRate = baudRate;
		this.listener = listener;
	}

	/** This connector as the terminal control takes it. */
	ITerminalConnector wrap() {
		return new TerminalConnector(() -> this, ID, ReplSession.OWNER, true);
	}

	String path() {
		return path;
	}

	int baudRate() {
		return baudRate;
	}

	/** The session, once connected; null before and after. */
	ReplSession session() {
		return session;
	}

	@Override
	public void connect(ITerminalControl control) {
		super.connect(control);
		control.setState(TerminalState.CONNECTING);
		Thread worker = new Thread(() -> {
			ReplSession started = new ReplSession(path, baudRate, control.getRemoteToTerminalOutputStream(),
					(state, detail) -> listener.sessionChanged(this, state, detail));
			session = started;
			started.start();
			control.setState(TerminalState.CONNECTED);
		}, "Board REPL connect " + path); //$NON-NLS-1$
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	protected void doDisconnect() {
		ReplSession ending = session;
		session = null;
		if (ending != null) {
			// closing joins the session's threads, which takes a read timeout (100 ms) and at worst a stuck write:
			// wait briefly, so that the port is free for a reconnect, but never freeze the UI for the worst case
			Thread closer = new Thread(ending::close, "Board REPL close " + path); //$NON-NLS-1$
			closer.setDaemon(true);
			closer.start();
			try {
				closer.join(CLOSE_WAIT_MS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public OutputStream getTerminalToRemoteStream() {
		return toBoard;
	}

	@Override
	public String getSettingsSummary() {
		return path + " @ " + baudRate; //$NON-NLS-1$
	}
}
