/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * A view's command handlers, as plugin.xml puts the commands in its toolbar, view menu and context menu. Each is the
 * view's own and, unless said otherwise, also the window's at the lowest priority: a part's own handlers count only
 * while it is active, so without that the first click on an inactive view's toolbar did nothing.
 */
public final class ViewCommands {

	private final IWorkbenchPartSite site;
	private final IHandlerService partHandlers;
	private final IHandlerService windowHandlers;
	private final List<Handler> handlers = new ArrayList<>();
	private final List<IHandlerActivation> windowActivations = new ArrayList<>();

	public ViewCommands(IWorkbenchPartSite site) {
		this.site = site;
		this.partHandlers = site.getService(IHandlerService.class);
		this.windowHandlers = site.getWorkbenchWindow().getService(IHandlerService.class);
	}

	/** The view's handler for the command, and the window's at the lowest priority. */
	public void activate(String commandId, Handler handler) {
		activateForPart(commandId, handler);
		windowActivations.add(windowHandlers.activateHandler(commandId, handler));
	}

	/** The view's handler only, while it is active (a command other parts have handlers of their own for). */
	public void activateForPart(String commandId, Handler handler) {
		handlers.add(handler);
		handler.update();
		partHandlers.activateHandler(commandId, handler);
	}

	/** On the UI thread, after the view's state changed: enables what can run now. */
	public void update() {
		boolean changed = false;
		for (Handler handler : handlers) {
			changed |= handler.update();
		}
		if (changed) {
			// the toolbar's and menus' items ask their handlers again (E4 does not on a handler's event alone)
			IEventBroker events = site.getService(IEventBroker.class);
			if (events != null) {
				events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
			}
		}
	}

	/** With the view: its window-wide handlers go too (the part's go with the part). */
	public void dispose() {
		windowHandlers.deactivateHandlers(windowActivations);
		windowActivations.clear();
	}

	/** Runs an action when its condition holds; enabled by the same condition. */
	public static class Handler extends AbstractHandler {
		private final Runnable run;
		private final BooleanSupplier enabled;

		public Handler(Runnable run, BooleanSupplier enabled) {
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
