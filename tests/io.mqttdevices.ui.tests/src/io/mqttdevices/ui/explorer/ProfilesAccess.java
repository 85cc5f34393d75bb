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

import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Shell;

/** Lets the tests give the connection dialog a file where a user would pick one in the native file dialog. */
public final class ProfilesAccess {

	private ProfilesAccess() {
	}

	/** The open connection dialog's Import... and Export... use the file {@code file} names at each click. */
	public static void chooseFiles(Shell dialogShell, Supplier<Path> file) {
		ConnectionDialog dialog = (ConnectionDialog) dialogShell.getData();
		dialog.savedProfiles().setFileChooser((shell, save) -> file.get().toString());
	}
}
