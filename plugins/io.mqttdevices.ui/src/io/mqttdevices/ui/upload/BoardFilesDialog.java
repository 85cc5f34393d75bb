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

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.mqttdevices.core.board.DeviceEntry;
import io.mqttdevices.ui.internal.Messages;

/** The files on a board: path and size, folders marked with a trailing slash. */
public final class BoardFilesDialog extends Dialog {

	private final String project;
	private final List<DeviceEntry> entries;

	public BoardFilesDialog(Shell parent, String project, List<DeviceEntry> entries) {
		super(parent);
		this.project = project;
		this.entries = List.copyOf(entries);
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.BoardFiles_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.NONE).setText(NLS.bind(Messages.BoardFiles_summary, project,
				entries.stream().filter(e -> !e.folder()).count()));
		Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(420, 300).applyTo(table);
		TableColumn path = new TableColumn(table, SWT.LEFT);
		path.setText(Messages.BoardFiles_path);
		path.setWidth(300);
		TableColumn size = new TableColumn(table, SWT.RIGHT);
		size.setText(Messages.BoardFiles_size);
		size.setWidth(100);
		entries.stream().sorted((a, b) -> a.path().compareTo(b.path())).forEach(entry -> {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { entry.folder() ? entry.path() + "/" : entry.path(), //$NON-NLS-1$
					entry.folder() ? "" : Long.toString(entry.size()) }); //$NON-NLS-1$
		});
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
	}
}
