/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.board.BoardFiles;
import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.ScriptPieces;
import io.mqttdevices.core.board.ScriptRun;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.serial.PortArbiter;
import io.mqttdevices.core.serial.PortLease;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.upload.ProjectContent;

/**
 * Run on Board: syncs the project to the board, then either soft-resets it so it runs {@code main.py} (no file
 * chosen) or runs the chosen file in the raw REPL, in pieces of whole statements no larger than the board's upload
 * commands (a small board cannot compile a large file at once). The output goes to a console; Stop sends Ctrl-C.
 */
public final class RunOnBoardDelegate extends LaunchConfigurationDelegate {

	/** The launch configuration type. */
	public static final String TYPE_ID = "io.mqttdevices.ui.launch.runOnBoard"; //$NON-NLS-1$
	/** The project's name. */
	public static final String ATTR_PROJECT = "io.mqttdevices.ui.launch.project"; //$NON-NLS-1$
	/** The project-relative path of the file to run; empty: reset the board, which runs main.py. */
	public static final String ATTR_FILE = "io.mqttdevices.ui.launch.file"; //$NON-NLS-1$

	/** What borrows the port, as the REPL view shows it ("Paused: Run on Board (hello.py) is using ..."). */
	public static final String BORROWER = "Run on Board"; //$NON-NLS-1$
	private static final Duration PORT_WAIT = Duration.ofSeconds(5);
	private static final Duration BOARD_TIMEOUT = Duration.ofSeconds(10);

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		String name = configuration.getAttribute(ATTR_PROJECT, ""); //$NON-NLS-1$
		String file = configuration.getAttribute(ATTR_FILE, "").strip(); //$NON-NLS-1$
		IProject project = name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project == null || !project.isOpen()) {
			throw new CoreException(Status.error(NLS.bind(Messages.RunOnBoard_noProject, name)));
		}
		if (!file.isEmpty() && !project.getFile(file).exists()) {
			throw new CoreException(Status.error(NLS.bind(Messages.RunOnBoard_noFile, file, name)));
		}
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		if (settings.port().isEmpty()) {
			throw new CoreException(Status.error(NLS.bind(Messages.RunOnBoard_noPort, name)));
		}
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.RunOnBoard_running, name), 10);
		PortLease lease = null;
		try {
			lease = PortArbiter.getDefault().borrow(settings.port(), settings.baudRate(),
					file.isEmpty() ? BORROWER : BORROWER + " (" + file + ")", PORT_WAIT); //$NON-NLS-1$ //$NON-NLS-2$
			RawRepl repl = new RawRepl(lease.connection(), BOARD_TIMEOUT);
			new FileSync(repl, settings.syncOptions()).sync(ProjectContent.read(project), progress.split(9));
			String label = file.isEmpty() ? NLS.bind(Messages.RunOnBoard_reset, name) : file;
			repl.enter();
			ScriptRun run = null;
			if (file.isEmpty()) {
				repl.softResetAndRun();
			} else {
				// in pieces the board can compile, each a command sized as the upload's
				String source = new String(project.getFile(file).readAllBytes(), StandardCharsets.UTF_8);
				int budget = BoardFiles.commandSize(repl, settings.syncOptions().chunkSize());
				run = new ScriptRun(repl, ScriptPieces.split(source, budget), file);
				run.start();
			}
			new BoardProcess(launch, label, lease, repl, run);
			lease = null; // the process gives it back
		} catch (OperationCanceledException e) {
			// cancelled during the sync: nothing runs
		} catch (IOException e) {
			throw new CoreException(Status.error(NLS.bind(Messages.RunOnBoard_failed, name, e.getMessage()), e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} finally {
			if (lease != null) {
				try {
					lease.close();
				} catch (IOException e) {
					// the failure above is what the user needs
				}
			}
		}
	}
}
