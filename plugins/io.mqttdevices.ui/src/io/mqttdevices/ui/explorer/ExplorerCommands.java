/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerActivation;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.UIElement;

import io.mqttdevices.core.explorer.TopicNode;

/**
 * The explorer's commands. plugin.xml puts them in the view toolbar, the view menu and the tree's context menu and
 * binds Ctrl+C and Delete in {@link #CONTEXT}; here are their handlers, active in this view only (its site's
 * handler service) and enabled by the connection on screen and the selected topic. The key binding context is
 * active while the topic tree has the focus, so the Filter field keeps Ctrl+C and Delete for its text.
 */
public final class ExplorerCommands {

	private static final String PREFIX = "io.mqttdevices.ui.explorer."; //$NON-NLS-1$
	public static final String CONNECT = PREFIX + "connect"; //$NON-NLS-1$
	public static final String DISCONNECT = PREFIX + "disconnect"; //$NON-NLS-1$
	public static final String SUBSCRIPTIONS = PREFIX + "subscriptions"; //$NON-NLS-1$
	public static final String PAUSE = PREFIX + "pause"; //$NON-NLS-1$
	public static final String PUBLISH = PREFIX + "publish"; //$NON-NLS-1$
	public static final String DELETE_RETAINED = PREFIX + "deleteRetained"; //$NON-NLS-1$
	public static final String COPY_TOPIC = PREFIX + "copyTopic"; //$NON-NLS-1$
	public static final String COPY_PAYLOAD = PREFIX + "copyPayload"; //$NON-NLS-1$
	public static final String EXPORT = PREFIX + "export"; //$NON-NLS-1$
	/** Where Ctrl+C copies the topic and Delete deletes retained messages: the topic tree with the focus. */
	public static final String CONTEXT = PREFIX + "context"; //$NON-NLS-1$

	private final TopicExplorerView view;
	private final List<Handler> handlers = new ArrayList<>();
	/**
	 * The same handlers for the whole window, at the lowest priority: the view's toolbar and menu stay enabled while
	 * another part is active, so the first click on them works (a part's own handlers count only while it is active).
	 */
	private final IHandlerService windowHandlers;
	private final List<IHandlerActivation> windowActivations = new ArrayList<>();
	private IContextActivation treeFocused;

	ExplorerCommands(TopicExplorerView view, ExplorerActions actions) {
		this.view = view;
		IWorkbenchPartSite site = view.getSite();
		IHandlerService service = site.getService(IHandlerService.class);
		windowHandlers = site.getWorkbenchWindow().getService(IHandlerService.class);
		BooleanSupplier connected = () -> view.connection() != null;
		BooleanSupplier topic = () -> selection() != null;
		BooleanSupplier message = () -> selection() != null && selection().lastMessage() != null;
		activate(service, CONNECT, new Handler(actions::connect, () -> true));
		activate(service, DISCONNECT, new Handler(actions::disconnect, connected));
		activate(service, SUBSCRIPTIONS, new Handler(actions::editSubscriptions, connected));
		activate(service, PAUSE, new PauseHandler());
		activate(service, PUBLISH, new Handler(actions::publish, connected));
		activate(service, DELETE_RETAINED, new Handler(actions::deleteRetained,
				() -> connected.getAsBoolean() && topic.getAsBoolean()));
		activate(service, COPY_TOPIC, new Handler(actions::copyTopic, topic));
		activate(service, COPY_PAYLOAD, new Handler(actions::copyPayload, message));
		activate(service, EXPORT, new Handler(actions::exportHistory, message));
	}

	/** Activates {@link #CONTEXT} while the control (the topic tree) has the focus. */
	void bindKeysWhileFocused(Control control) {
		IContextService contexts = view.getSite().getService(IContextService.class);
		control.addListener(SWT.FocusIn, e -> {
			if (treeFocused == null) {
				treeFocused = contexts.activateContext(CONTEXT);
			}
		});
		control.addListener(SWT.FocusOut, e -> {
			if (treeFocused != null) {
				contexts.deactivateContext(treeFocused);
				treeFocused = null;
			}
		});
	}

	/** After the selection, the connection on screen or its state changed: enables what can run now. */
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

	private TopicNode selection() {
		return view.tree() == null ? null : view.tree().selection();
	}

	private void activate(IHandlerService service, String commandId, Handler handler) {
		handlers.add(handler);
		handler.update();
		service.activateHandler(commandId, handler);
		windowActivations.add(windowHandlers.activateHandler(commandId, handler));
	}

	/** With the view: its window-wide handlers go too. */
	void dispose() {
		windowHandlers.deactivateHandlers(windowActivations);
		windowActivations.clear();
	}

	private static class Handler extends AbstractHandler {
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

	/** Pause/Resume: a toggle whose checked state is the tree's. */
	private final class PauseHandler extends Handler implements IElementUpdater {

		PauseHandler() {
			super(() -> {
			}, () -> true);
		}

		@Override
		public Object execute(ExecutionEvent event) {
			view.tree().setPaused(!view.tree().isPaused());
			view.getSite().getService(ICommandService.class).refreshElements(PAUSE, null);
			return null;
		}

		@Override
		public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
			element.setChecked(view.tree() != null && view.tree().isPaused());
		}
	}
}
