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

/** The summary of an upload or flash: the Job's result (kept in the Progress view) and the status line. */
final class UploadResult {

	private UploadResult() {
	}

	/**
	 * @param template        what was sent: {0} files sent, {1} unchanged, {2} deleted, {3} KB at {4} KB/s
	 * @param nothingTemplate nothing was sent: {1} files unchanged, {2} deleted
	 */
	static IStatus done(SyncReport report, String template, String nothingTemplate) {
		String summary = NLS.bind(report.uploaded().isEmpty() ? nothingTemplate : template, new Object[] { report.uploaded().size(), report.skipped(),
				report.deleted().size(), String.format("%.1f", report.bytes() / 1024.0), //$NON-NLS-1$
				String.format("%.1f", report.bytesPerSecond() / 1024.0) }); //$NON-NLS-1$
		showInStatusLine(summary);
		return new Status(IStatus.OK, "io.mqttdevices.ui", summary); //$NON-NLS-1$
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
