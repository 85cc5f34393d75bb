/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import io.mqttdevices.ui.internal.Messages;

/**
 * MQTT Devices &gt; Getting Started: the steps from a new project to its readings, each with the menu entry
 * that does it. (A cheat sheet would be the richer place, but org.eclipse.ui.cheatsheets 3.9 from Maven Central fails
 * to load its own handler in a plain Platform IDE: it sees org.eclipse.core.commands only through the optional Help
 * UI, which the Platform lacks.)
 */
public class GettingStartedHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		MessageDialog.openInformation(HandlerUtil.getActiveShellChecked(event), Messages.GettingStartedHandler_title,
				Messages.GettingStartedHandler_steps);
		return null;
	}
}
