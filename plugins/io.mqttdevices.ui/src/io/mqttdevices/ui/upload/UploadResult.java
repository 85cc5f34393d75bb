/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.upload;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.libraries.ProjectLibraries;

/** The summary of an upload or flash: the Job's result (kept in the Progress view) and the status line. */
final class UploadResult {

	private UploadResult() {
	}

	/**
	 * @param template        what was sent: {0} files sent, {1} unchanged, {2} deleted, {3} KB at {4} KB/s
	 * @param nothingTemplate nothing was sent: {1} files unchanged, {2} deleted
	 */
	static IStatus done(SyncReport report, String template, String nothingTemplate) {
		return done(report, template, nothingTemplate, null);
	}

	/**
	 * @param libraries what was installed before the code, or null when nothing was to be installed; a library that
	 *                  could not be installed makes the result a warning
	 */
	static IStatus done(SyncReport report, String template, String nothingTemplate, Libraries libraries) {
		String summary = NLS.bind(report.uploaded().isEmpty() ? nothingTemplate : template, new Object[] { report.uploaded().size(), report.skipped(),
				report.deleted().size(), String.format("%.1f", report.bytes() / 1024.0), //$NON-NLS-1$
				String.format("%.1f", report.bytesPerSecond() / 1024.0) }); //$NON-NLS-1$
		if (libraries != null) {
			summary = NLS.bind(Messages.UploadResult_libraries, summary, libraries.summary());
			if (!libraries.ok()) {
				summary += ' ' + Messages.UploadResult_librariesAdvice;
			}
		}
		showInStatusLine(summary);
		return new Status(libraries == null || libraries.ok() ? IStatus.OK : IStatus.WARNING, "io.mqttdevices.ui", //$NON-NLS-1$
				summary);
	}

	/** What the libraries step said: a summary, and whether everything declared is on the board. */
	record Libraries(String summary, boolean ok) {

		static Libraries of(ProjectLibraries.Installed installed) {
			return new Libraries(installed.summary(), installed.ok());
		}

		/** Nothing could be installed: the index or bundle could not be read, the board did not answer. */
		static Libraries failed(String why) {
			return new Libraries(NLS.bind(Messages.UploadResult_librariesFailed, why), false);
		}
	}

	private static void showInStatusLine(String summary) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null || window.getActivePage() == null) {
				return;
			}
			var part = window.getActivePage().getActivePart();
			if (part instanceof ViewPart view) {
				view.getViewSite().getActionBars().getStatusLineManager().setMessage(summary);
			} else if (part instanceof org.eclipse.ui.part.EditorPart editor) {
				editor.getEditorSite().getActionBars().getStatusLineManager().setMessage(summary);
			}
		});
	}
}
