/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.projects;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.board.ProjectFiles;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.templates.Runtime;

/**
 * A project's board: its serial port and baud rate (shared by the upload commands and the REPL view), its upload
 * settings, its CIRCUITPY drive and its runtime. Stored in the project's preferences (node
 * {@value CorePreferences#NODE}, file {@code .settings/io.mqttdevices.core.prefs}), so they travel with it.
 */
public final class ProjectDeviceSettings {

	/** The serial port last used with the project's board, e.g. {@code /dev/ttyUSB0}. */
	public static final String SERIAL_PORT = "serial.port"; //$NON-NLS-1$
	/** The baud rate for that port; absent means the workspace default. */
	public static final String SERIAL_BAUD = "serial.baud"; //$NON-NLS-1$
	/** {@code true}: uploads delete board files the project does not have. */
	public static final String UPLOAD_PRUNE = "upload.prune"; //$NON-NLS-1$
	/** Comma-separated globs of board files pruning keeps. */
	public static final String UPLOAD_KEEP = "upload.keep"; //$NON-NLS-1$
	/** Comma-separated globs of project files that do not go to the board. */
	public static final String UPLOAD_EXCLUDE = "upload.exclude"; //$NON-NLS-1$
	/** Bytes of code per raw REPL command during uploads; absent means {@link SyncOptions#DEFAULT_CHUNK_SIZE}. */
	public static final String UPLOAD_CHUNK_SIZE = "upload.chunkSize"; //$NON-NLS-1$
	/** The CIRCUITPY drive of this project's board; empty means the workspace preference or the label search. */
	public static final String CIRCUITPY_DRIVE = "circuitpy.drive"; //$NON-NLS-1$

	/** Told of the port each time a project's board gets one (Upload to Board's port dialog, the Board REPL view). */
	@FunctionalInterface
	public interface PortListener {
		/** Called in the thread that chose the port. */
		void portChosen(IProject project, String port, int baudRate);
	}

	private static final ListenerList<PortListener> PORT_LISTENERS = new ListenerList<>();

	private final IProject project;

	public static void addPortListener(PortListener listener) {
		PORT_LISTENERS.add(listener);
	}

	public static void removePortListener(PortListener listener) {
		PORT_LISTENERS.remove(listener);
	}

	public ProjectDeviceSettings(IProject project) {
		this.project = project;
	}

	/** The serial port, empty when none was chosen yet. */
	public String port() {
		return node().get(SERIAL_PORT, "").strip(); //$NON-NLS-1$
	}

	public int baudRate() {
		return node().getInt(SERIAL_BAUD, CorePreferences.baudRate());
	}

	/** Remembers the port and baud rate, and tells the {@link PortListener}s. */
	public void setPort(String port, int baudRate) throws BackingStoreException {
		IEclipsePreferences node = node();
		node.put(SERIAL_PORT, port.strip());
		node.putInt(SERIAL_BAUD, baudRate);
		node.flush();
		for (PortListener listener : PORT_LISTENERS) {
			listener.portChosen(project, port.strip(), baudRate);
		}
	}

	public SyncOptions syncOptions() {
		IEclipsePreferences node = node();
		return SyncOptions.defaults().withPrune(node.getBoolean(UPLOAD_PRUNE, false))
				.withKeep(list(node.get(UPLOAD_KEEP, null), SyncOptions.DEFAULT_KEEP))
				.withChunkSize(Math.max(256, node.getInt(UPLOAD_CHUNK_SIZE, SyncOptions.DEFAULT_CHUNK_SIZE)));
	}

	public List<String> excludes() {
		return list(node().get(UPLOAD_EXCLUDE, null), ProjectFiles.DEFAULT_EXCLUDES);
	}

	/** The project's CIRCUITPY drive override, else the workspace preference; empty means "find it". */
	public String circuitPyDrive() {
		String own = node().get(CIRCUITPY_DRIVE, "").strip(); //$NON-NLS-1$
		return own.isEmpty() ? CorePreferences.circuitPyDrivePath() : own;
	}

	/** CircuitPython when the project has {@code settings.toml} or {@code code.py}, else MicroPython. */
	public Runtime runtime() {
		if (project.getFile(Runtime.CIRCUITPYTHON.settingsFile()).exists() || project.getFile("code.py").exists()) { //$NON-NLS-1$
			return Runtime.CIRCUITPYTHON;
		}
		return Runtime.MICROPYTHON;
	}

	private IEclipsePreferences node() {
		return new ProjectScope(project).getNode(CorePreferences.NODE);
	}

	private static List<String> list(String value, List<String> fallback) {
		if (value == null) {
			return fallback;
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(); //$NON-NLS-1$
	}
}
