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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import io.mqttdevices.core.serial.SerialPortInfo;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.ui.internal.Messages;

/**
 * The port and baud rate row of the REPL view: every port the system lists, named from its USB ids, plus any path
 * typed in (pseudo-terminals are not listed). Listing runs in a Job; the combo is filled back on the UI thread.
 */
final class PortPicker {

	private static final int[] BAUD_RATES = { 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600 };

	private final Combo port;
	private final Combo baud;
	private final Button refresh;
	private final Consumer<String> status;
	private final Display display;
	/** Display name of each listed port to its path. Touched on the UI thread only. */
	private final Map<String, String> pathByName = new LinkedHashMap<>();

	PortPicker(Composite parent, int defaultBaud, Consumer<String> status) {
		this.status = status;
		this.display = parent.getDisplay();
		Composite row = new Composite(parent, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout layout = new GridLayout(5, false);
		layout.marginHeight = 2;
		row.setLayout(layout);

		new Label(row, SWT.NONE).setText(Messages.BoardReplView_port);
		port = new Combo(row, SWT.DROP_DOWN);
		port.setToolTipText(Messages.BoardReplView_portHint);
		port.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		refresh = new Button(row, SWT.PUSH);
		refresh.setText(Messages.BoardReplView_refresh);
		refresh.addListener(SWT.Selection, e -> refresh());

		new Label(row, SWT.NONE).setText(Messages.BoardReplView_baud);
		baud = new Combo(row, SWT.DROP_DOWN);
		for (int rate : BAUD_RATES) {
			baud.add(Integer.toString(rate));
		}
		baud.setText(Integer.toString(defaultBaud));
		GridData baudData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		baudData.widthHint = 90;
		baud.setLayoutData(baudData);
	}

	/** The chosen port's path: a listed port's path, or the text as typed. */
	String path() {
		String text = port.getText().strip();
		return pathByName.getOrDefault(text, text);
	}

	void setPath(String path) {
		if (path == null || path.isBlank()) {
			return;
		}
		String name = pathByName.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey)
				.findFirst().orElse(path);
		port.setText(name);
	}

	/** The baud rate, or -1 when the text is not one. */
	int baudRate() {
		try {
			int rate = Integer.parseInt(baud.getText().strip());
			return rate >= 300 && rate <= 4_000_000 ? rate : -1;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	void setBaudRate(int rate) {
		if (rate > 0) {
			baud.setText(Integer.toString(rate));
		}
	}

	/** Ports cannot change while connected. */
	void setEnabled(boolean enabled) {
		port.setEnabled(enabled);
		baud.setEnabled(enabled);
		refresh.setEnabled(enabled);
	}

	/** Lists the ports again in the background, keeping what the user chose or typed. */
	void refresh() {
		status.accept(Messages.BoardReplView_listing);
		Job job = new Job(Messages.BoardReplView_listing) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				List<SerialPortInfo> ports = SerialPorts.list();
				if (!display.isDisposed()) {
					display.asyncExec(() -> show(ports));
				}
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void show(List<SerialPortInfo> ports) {
		if (port.isDisposed()) {
			return;
		}
		String chosen = path();
		pathByName.clear();
		for (SerialPortInfo info : ports) {
			pathByName.put(info.displayName(), info.path());
		}
		port.setItems(pathByName.keySet().toArray(String[]::new));
		if (!chosen.isEmpty()) {
			setPath(chosen);
		} else if (!ports.isEmpty()) {
			port.select(0);
		}
		status.accept(ports.isEmpty() ? Messages.BoardReplView_noPorts : ""); //$NON-NLS-1$
	}
}
