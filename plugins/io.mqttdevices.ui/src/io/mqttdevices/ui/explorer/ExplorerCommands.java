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

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.menus.UIElement;

import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.ui.internal.ViewCommands;
import io.mqttdevices.ui.internal.ViewCommands.Handler;

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
	private final ViewCommands commands;
	private IContextActivation treeFocused;

	ExplorerCommands(TopicExplorerView view, ExplorerActions actions) {
		this.view = view;
		commands = new ViewCommands(view.getSite());
		BooleanSupplier connected = () -> view.connection() != null;
		BooleanSupplier topic = () -> selection() != null;
		BooleanSupplier message = () -> selection() != null && selection().lastMessage() != null;
		commands.activate(CONNECT, new Handler(actions::connect, () -> true));
		commands.activate(DISCONNECT, new Handler(actions::disconnect, connected));
		commands.activate(SUBSCRIPTIONS, new Handler(actions::editSubscriptions, connected));
		commands.activate(PAUSE, new PauseHandler());
		commands.activate(PUBLISH, new Handler(actions::publish, connected));
		commands.activate(DELETE_RETAINED, new Handler(actions::deleteRetained,
				() -> connected.getAsBoolean() && topic.getAsBoolean()));
		commands.activate(COPY_TOPIC, new Handler(actions::copyTopic, topic));
		commands.activate(COPY_PAYLOAD, new Handler(actions::copyPayload, message));
		commands.activate(EXPORT, new Handler(actions::exportHistory, message));
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
		commands.update();
	}

	private TopicNode selection() {
		return view.tree() == null ? null : view.tree().selection();
	}

	/** With the view: its window-wide handlers go too. */
	void dispose() {
		commands.dispose();
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
