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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * Installed next to our feature by the install test only, never by users. Once the workbench is up, it checks the
 * IDE from inside ({@link WorkbenchFacts}), writes what it saw to the file named by the system property
 * {@value #REPORT_PROPERTY} and closes the workbench. Without that property it does nothing.
 */
public class InstallProbe implements IStartup {

	public static final String REPORT_PROPERTY = "mqttdevices.probe.report"; //$NON-NLS-1$

	@Override
	public void earlyStartup() {
		String report = System.getProperty(REPORT_PROPERTY);
		if (report == null) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> {
			DialogGuard.start(workbench.getDisplay());
			try {
				write(new WorkbenchFacts(workbench).collect(), Path.of(report));
			} catch (IOException | RuntimeException e) {
				ILog.of(getClass()).error("Install probe could not write its report " + report, e); //$NON-NLS-1$
			} finally {
				DialogGuard.stop();
				workbench.close();
			}
		});
	}

	/** Writes beside the report and renames, so the test never reads half a report. */
	private static void write(Properties facts, Path report) throws IOException {
		Path partial = report.resolveSibling(report.getFileName() + ".partial"); //$NON-NLS-1$
		try (OutputStream out = Files.newOutputStream(partial)) {
			facts.store(out, "MQTT Devices install probe"); //$NON-NLS-1$
		}
		Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
