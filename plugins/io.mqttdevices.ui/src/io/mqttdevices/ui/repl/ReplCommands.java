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

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.ui.internal.ViewCommands;
import io.mqttdevices.ui.internal.ViewCommands.Handler;

/**
 * The Board REPL's commands. plugin.xml puts them in the view toolbar, the view menu and the terminal's context menu;
 * here are their handlers, enabled by the connection: Connect while closed, Disconnect while open, Interrupt, Soft
 * Reset and Hard Reset while the board answers. They are the view's own and also the window's at the lowest priority,
 * so the toolbar works while another part is active. No key bindings of their own: in a connected terminal every key
 * goes to the board, and Ctrl+C and Ctrl+D typed there are the interrupt and the soft reset.
 */
public final class ReplCommands {

	private static final String PREFIX = "io.mqttdevices.ui.repl."; //$NON-NLS-1$
	public static final String CONNECT = PREFIX + "connect"; //$NON-NLS-1$
	public static final String DISCONNECT = PREFIX + "disconnect"; //$NON-NLS-1$
	public static final String INTERRUPT = PREFIX + "interrupt"; //$NON-NLS-1$
	public static final String SOFT_RESET = PREFIX + "softReset"; //$NON-NLS-1$
	public static final String HARD_RESET = PREFIX + "hardReset"; //$NON-NLS-1$
	public static final String CLEAR = PREFIX + "clear"; //$NON-NLS-1$
	/** The terminal control's own Copy and Paste (Ctrl+Shift+C, Ctrl+Shift+V), for the context menu. */
	public static final String TERMINAL_COPY = "org.eclipse.tm.terminal.copy"; //$NON-NLS-1$
	public static final String TERMINAL_PASTE = "org.eclipse.tm.terminal.paste"; //$NON-NLS-1$

	private final BoardReplView view;
	private final ViewCommands commands;

	ReplCommands(BoardReplView view) {
		this.view = view;
		commands = new ViewCommands(view.getSite());
		BooleanSupplier talking = () -> view.isConnected() && view.sessionState() == State.CONNECTED;
		commands.activate(CONNECT, new Handler(view::connect, view::isClosed));
		commands.activate(DISCONNECT, new Handler(view::disconnect, () -> !view.isClosed()));
		commands.activate(INTERRUPT, sessionHandler(ReplSession::interrupt, talking));
		commands.activate(SOFT_RESET, sessionHandler(ReplSession::softReset, talking));
		commands.activate(HARD_RESET, sessionHandler(ReplSession::hardReset, talking));
		commands.activate(CLEAR, new Handler(view::clear, () -> true));
		// the terminal's own commands: only while this view is active, other terminals keep theirs
		commands.activateForPart(TERMINAL_COPY, new Handler(() -> view.terminal().copy(), () -> true));
		commands.activateForPart(TERMINAL_PASTE, new Handler(() -> view.terminal().paste(), view::isConnected));
	}

	/** On the UI thread, after the terminal or the session changed state: enables what can run now. */
	void update() {
		commands.update();
	}

	/** With the view: its window-wide handlers go too. */
	void dispose() {
		commands.dispose();
	}

	private Handler sessionHandler(Consumer<ReplSession> run, BooleanSupplier enabled) {
		return new Handler(() -> {
			ReplSession session = view.session();
			if (session != null) {
				run.accept(session);
			}
		}, enabled);
	}
}
