/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Closes the modal dialogs the probe did not open itself (an error dialog the IDE pops up, say) and notes their
 * titles and texts: the user would have had to click them away, and the probe must not wait for a click that never comes.
 * Dialogs the probe drives are {@linkplain #expect(Shell) expected}. UI thread only.
 */
final class DialogGuard {

	private static final int PERIOD_MS = 250;
	private static final int MODAL = SWT.APPLICATION_MODAL | SWT.PRIMARY_MODAL | SWT.SYSTEM_MODAL;
	private static final Set<Shell> EXPECTED = Collections.newSetFromMap(new IdentityHashMap<>());
	private static final List<String> UNEXPECTED = new ArrayList<>();
	/**
	 * Progress dialogs close by themselves once the work they show is done, and need no click: the workbench's
	 * "User Operation is Waiting" (a save waiting for the periodic workspace save on a busy machine, say) and every
	 * ProgressMonitorDialog (Eclipse 4.35 shows one while it saves the workspace on closing).
	 */
	private static final String WAITING_DIALOG = "org.eclipse.ui.internal.progress.BlockedJobsDialog"; //$NON-NLS-1$
	private static final List<String> WAITED = new ArrayList<>();
	private static final Set<Shell> SEEN_WAITING = Collections.newSetFromMap(new IdentityHashMap<>());
	private static boolean stopped;
	/** Dialogs the probe waits to be handed ({@link ProbeWidgets#whenDialogOpens}): none is closed meanwhile. */
	private static int awaited;

	private DialogGuard() {
	}

	/** Checks every {@value #PERIOD_MS} ms, in whatever event loop runs, until {@link #stop()}. */
	static void start(Display display) {
		display.timerExec(PERIOD_MS, new Runnable() {
			@Override
			public void run() {
				if (stopped) {
					return;
				}
				for (Shell shell : display.getShells()) {
					if (awaited > 0 || shell.isDisposed() || !shell.isVisible() || (shell.getStyle() & MODAL) == 0
							|| EXPECTED.contains(shell)) {
						continue;
					}
					if (isProgress(shell.getData())) {
						if (SEEN_WAITING.add(shell)) {
							WAITED.add(texts(shell));
						}
					} else {
						UNEXPECTED.add(shell.getText() + ": " + texts(shell)); //$NON-NLS-1$
						shell.close();
					}
				}
				EXPECTED.removeIf(Shell::isDisposed);
				SEEN_WAITING.removeIf(Shell::isDisposed);
				display.timerExec(PERIOD_MS, this);
			}
		});
	}

	/** Stops checking: the workbench closes next, with dialogs of its own. */
	static void stop() {
		stopped = true;
	}

	private static boolean isProgress(Object window) {
		return window instanceof ProgressMonitorDialog
				|| window != null && WAITING_DIALOG.equals(window.getClass().getName());
	}

	/** What the dialog says: its labels' texts, the reason a user would read. */
	static String texts(Composite parent) {
		StringBuilder text = new StringBuilder();
		for (Control child : parent.getChildren()) {
			if (child instanceof Label label && !label.getText().isBlank()) {
				text.append(label.getText().strip()).append(' ');
			} else if (child instanceof Composite composite) {
				text.append(texts(composite));
			}
		}
		return text.toString();
	}

	/** A dialog the probe opened, left alone. */
	static void expect(Shell shell) {
		if (shell != null) {
			EXPECTED.add(shell);
		}
	}

	/** The probe waits for a dialog to open ({@code true}), or has it or gave up ({@code false}). */
	static void awaiting(boolean waiting) {
		awaited += waiting ? 1 : -1;
	}

	/** The titles and texts of the dialogs closed so far. */
	static List<String> unexpected() {
		return List.copyOf(UNEXPECTED);
	}

	/** The texts of the progress dialogs that came and went by themselves. */
	static List<String> waited() {
		return List.copyOf(WAITED);
	}
}
