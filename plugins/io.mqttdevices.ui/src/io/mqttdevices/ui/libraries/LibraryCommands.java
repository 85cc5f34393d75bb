/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.libraries;

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
 * The Board Libraries view's commands. plugin.xml puts them in the view toolbar, the view menu and the rows' context
 * menu; here are their handlers, enabled by the view's project, rows and selection, and disabled while a read, an
 * install or a removal runs. They are the view's own and also the window's at the lowest priority, so the toolbar works while
 * another part is active.
 */
public final class LibraryCommands {

	private static final String PREFIX = "io.mqttdevices.ui.libraries."; //$NON-NLS-1$
	public static final String REFRESH = PREFIX + "refresh"; //$NON-NLS-1$
	public static final String INSTALL_MISSING = PREFIX + "installMissing"; //$NON-NLS-1$
	public static final String UPDATE = PREFIX + "update"; //$NON-NLS-1$
	public static final String INSTALL_SELECTED = PREFIX + "installSelected"; //$NON-NLS-1$
	public static final String REMOVE = PREFIX + "remove"; //$NON-NLS-1$

	private final BoardLibrariesView view;
	private final List<Handler> handlers = new ArrayList<>();
	private final IHandlerService windowHandlers;
	private final List<IHandlerActivation> windowActivations = new ArrayList<>();

	LibraryCommands(BoardLibrariesView view) {
		this.view = view;
		IWorkbenchPartSite site = view.getSite();
		IHandlerService service = site.getService(IHandlerService.class);
		windowHandlers = site.getWorkbenchWindow().getService(IHandlerService.class);
		activate(service, REFRESH, new Handler(view::refresh, view::canRead));
		activate(service, INSTALL_MISSING, new Handler(view::installMissing, view::canInstallMissing));
		activate(service, UPDATE, new Handler(view::update, view::canUpdate));
		activate(service, INSTALL_SELECTED, new Handler(view::installSelected, view::canInstallSelected));
		activate(service, REMOVE, new Handler(view::remove, view::canRemove));
	}

	/** On the UI thread, after the rows, the selection or the busy state changed: enables what can run now. */
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

	private void activate(IHandlerService service, String commandId, Handler handler) {
		handlers.add(handler);
		handler.update();
		service.activateHandler(commandId, handler);
		windowActivations.add(windowHandlers.activateHandler(commandId, handler));
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
