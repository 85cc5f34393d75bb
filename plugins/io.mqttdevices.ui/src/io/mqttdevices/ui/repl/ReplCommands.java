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

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;

import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;

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
	private final List<Handler> handlers = new ArrayList<>();
	private final IHandlerService windowHandlers;
	private final List<IHandlerActivation> windowActivations = new ArrayList<>();

	ReplCommands(BoardReplView view) {
		this.view = view;
		IWorkbenchPartSite site = view.getSite();
		IHandlerService service = site.getService(IHandlerService.class);
		windowHandlers = site.getWorkbenchWindow().getService(IHandlerService.class);
		BooleanSupplier talking = () -> view.isConnected() && view.sessionState() == State.CONNECTED;
		activate(service, CONNECT, new Handler(view::connect, view::isClosed), true);
		activate(service, DISCONNECT, new Handler(view::disconnect, () -> !view.isClosed()), true);
		activate(service, INTERRUPT, sessionHandler(ReplSession::interrupt, talking), true);
		activate(service, SOFT_RESET, sessionHandler(ReplSession::softReset, talking), true);
		activate(service, HARD_RESET, sessionHandler(ReplSession::hardReset, talking), true);
		activate(service, CLEAR, new Handler(view::clear, () -> true), true);
		// the terminal's own commands: only while this view is active, other terminals keep theirs
		activate(service, TERMINAL_COPY, new Handler(() -> view.terminal().copy(), () -> true), false);
		activate(service, TERMINAL_PASTE, new Handler(() -> view.terminal().paste(), view::isConnected), false);
	}

	/** On the UI thread, after the terminal or the session changed state: enables what can run now. */
	void update() {
		boolean changed = false;
		for (Handler handler : handlers) {
			changed |= handler.update();
		}
		if (changed) {
			// the toolbar's and menus' items ask their handlers again (E4 does not on a handler's event alone)
			IEventBroker events = view.getSite().getService(IEventBroker.class);
			if (events != null) {
				events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
			}
		}
	}

	/** With the view: its window-wide handlers go too. */
	void dispose() {
		windowHandlers.deactivateHandlers(windowActivations);
		windowActivations.clear();
	}

	private void activate(IHandlerService service, String commandId, Handler handler, boolean forWindow) {
		handlers.add(handler);
		handler.update();
		service.activateHandler(commandId, handler);
		if (forWindow) {
			windowActivations.add(windowHandlers.activateHandler(commandId, handler));
		}
	}

	private Handler sessionHandler(Consumer<ReplSession> run, BooleanSupplier enabled) {
		return new Handler(() -> {
			ReplSession session = view.session();
			if (session != null) {
				run.accept(session);
			}
		}, enabled);
	}

	private static final class Handler extends AbstractHandler {
		private final Runnable run;
		private final BooleanSupplier enabled;

		Handler(Runnable run, BooleanSupplier enabled) {
			this.run = run;
			this.enabled = enabled;
		}

		@Override
		public Object execute(ExecutionEvent event) {
			if (enabled.getAsBoolean()) {
				run.run();
			}
			return null;
		}

		/** True when the enablement changed. */
		boolean update() {
			boolean now = enabled.getAsBoolean();
			if (now == isEnabled()) {
				return false;
			}
			setBaseEnabled(now);
			return true;
		}
	}
}
