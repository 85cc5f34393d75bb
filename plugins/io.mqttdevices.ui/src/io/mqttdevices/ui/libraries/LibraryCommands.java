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

import io.mqttdevices.ui.internal.ViewCommands;
import io.mqttdevices.ui.internal.ViewCommands.Handler;

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

	private final ViewCommands commands;

	LibraryCommands(BoardLibrariesView view) {
		commands = new ViewCommands(view.getSite());
		commands.activate(REFRESH, new Handler(view::refresh, view::canRead));
		commands.activate(INSTALL_MISSING, new Handler(view::installMissing, view::canInstallMissing));
		commands.activate(UPDATE, new Handler(view::update, view::canUpdate));
		commands.activate(INSTALL_SELECTED, new Handler(view::installSelected, view::canInstallSelected));
		commands.activate(REMOVE, new Handler(view::remove, view::canRemove));
	}

	/** On the UI thread, after the rows, the selection or the busy state changed: enables what can run now. */
	void update() {
		commands.update();
	}

	/** With the view: its window-wide handlers go too. */
	void dispose() {
		commands.dispose();
	}
}
