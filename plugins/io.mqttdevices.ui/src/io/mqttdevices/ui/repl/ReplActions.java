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

import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.ui.internal.Messages;

/** The REPL view's toolbar: Connect/Disconnect, Interrupt, Soft Reset, Hard Reset, Clear. */
final class ReplActions {

	private final BoardReplView view;
	private final Action connect;
	private final Action interrupt;
	private final Action softReset;
	private final Action hardReset;
	private final Action clear;
	private final ImageDescriptor connectIcon = icon("connect"); //$NON-NLS-1$
	private final ImageDescriptor disconnectIcon = icon("disconnect"); //$NON-NLS-1$

	ReplActions(BoardReplView view) {
		this.view = view;
		connect = action(Messages.ReplActions_connect, () -> {
			if (view.isConnected()) {
				view.disconnect();
			} else {
				view.connect();
			}
		});
		interrupt = sessionAction(Messages.ReplActions_interrupt, ReplSession::interrupt);
		interrupt.setImageDescriptor(icon("interrupt")); //$NON-NLS-1$
		softReset = sessionAction(Messages.ReplActions_softReset, ReplSession::softReset);
		softReset.setImageDescriptor(icon("soft_reset")); //$NON-NLS-1$
		hardReset = sessionAction(Messages.ReplActions_hardReset, ReplSession::hardReset);
		hardReset.setImageDescriptor(icon("hard_reset")); //$NON-NLS-1$
		clear = action(Messages.ReplActions_clear, view::clear);
		clear.setImageDescriptor(icon("clear")); //$NON-NLS-1$
		update(false, State.DISCONNECTED);
	}

	void contributeTo(IToolBarManager toolBar) {
		toolBar.add(connect);
		toolBar.add(interrupt);
		toolBar.add(softReset);
		toolBar.add(hardReset);
		toolBar.add(clear);
	}

	/** On the UI thread, after the terminal or the session changed state. */
	void update(boolean terminalConnected, State session) {
		connect.setText(terminalConnected ? Messages.ReplActions_disconnect : Messages.ReplActions_connect);
		connect.setImageDescriptor(terminalConnected ? disconnectIcon : connectIcon);
		connect.setToolTipText(connect.getText());
		boolean talking = terminalConnected && session == State.CONNECTED;
		interrupt.setEnabled(talking);
		softReset.setEnabled(talking);
		hardReset.setEnabled(talking);
	}

	/** PNG icons: the SVG rasterizer is not always there. */
	private static ImageDescriptor icon(String name) {
		return ResourceLocator.imageDescriptorFromBundle(ReplActions.class, "icons/" + name + ".png").orElse(null); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static Action action(String text, Runnable run) {
		Action action = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setToolTipText(text);
		return action;
	}

	private Action sessionAction(String text, Consumer<ReplSession> run) {
		return action(text, () -> {
			ReplSession session = view.session();
			if (session != null) {
				run.accept(session);
			}
		});
	}
}
