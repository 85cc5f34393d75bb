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

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.serial.SerialPortInfo;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.ui.internal.Messages;

/**
 * Asks which serial port the project's board is on: the ports the system lists (looked up off the UI thread),
 * or a typed path (pseudo-terminals and unusual devices are not listed), and the baud rate.
 */
public final class PortDialog extends TitleAreaDialog {

	private final String projectName;
	private String port;
	private int baudRate;
	private Combo portField;
	private Text baudField;

	public PortDialog(Shell parent, String projectName, String port, int baudRate) {
		super(parent);
		this.projectName = projectName;
		this.port = port;
		this.baudRate = baudRate;
	}

	public String port() {
		return port;
	}

	public int baudRate() {
		return baudRate;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.PortDialog_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.PortDialog_title);
		setMessage(NLS.bind(Messages.PortDialog_message, projectName));
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		new Label(body, SWT.NONE).setText(Messages.PortDialog_port);
		portField = new Combo(body, SWT.DROP_DOWN);
		portField.setText(port);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(portField);
		new Label(body, SWT.NONE).setText(Messages.PortDialog_baud);
		baudField = new Text(body, SWT.BORDER);
		baudField.setText(Integer.toString(baudRate));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(baudField);
		portField.addModifyListener(e -> validate());
		baudField.addModifyListener(e -> validate());
		listPorts();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private void listPorts() {
		Job lister = Job.create(Messages.PortDialog_listing, (IProgressMonitor monitor) -> {
			List<SerialPortInfo> ports = SerialPorts.list();
			portField.getDisplay().asyncExec(() -> {
				if (portField.isDisposed()) {
					return;
				}
				String typed = portField.getText();
				portField.setItems(ports.stream().map(SerialPortInfo::path).toArray(String[]::new));
				portField.setText(typed.isEmpty() && !ports.isEmpty() ? ports.get(0).path() : typed);
				if (ports.isEmpty() && typed.isEmpty()) {
					setMessage(Messages.PortDialog_noPorts);
				}
			});
			return Status.OK_STATUS;
		});
		lister.setSystem(true);
		lister.schedule();
	}

	private void validate() {
		if (portField == null || baudField == null || getButton(IDialogConstants.OK_ID) == null) {
			return;
		}
		String error = null;
		if (portField.getText().isBlank()) {
			error = Messages.PortDialog_portMissing;
		} else {
			try {
				int baud = Integer.parseInt(baudField.getText().strip());
				if (baud < 300 || baud > 4_000_000) {
					error = Messages.PortDialog_baudInvalid;
				}
			} catch (NumberFormatException e) {
				error = Messages.PortDialog_baudInvalid;
			}
		}
		setErrorMessage(error);
		getButton(IDialogConstants.OK_ID).setEnabled(error == null);
	}

	@Override
	protected void okPressed() {
		port = portField.getText().strip();
		baudRate = Integer.parseInt(baudField.getText().strip());
		super.okPressed();
	}
}
