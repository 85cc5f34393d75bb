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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.ProfileJson;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.ui.internal.Messages;

/**
 * The connection dialog's "Saved profiles" row: pick a saved profile, import or export profiles as JSON (never a
 * password), delete one after a confirmation (its passwords leave secure storage too; a connection already open
 * with it stays open). Files and storage are written in Jobs; the outcome comes back as the dialog's message.
 */
final class SavedProfiles {

	/** What the row tells its dialog. */
	interface Owner {

		/** Fills the form with this saved profile and its secrets. */
		void fill(ConnectionProfile profile, char[] password, char[] keyPassword);

		void info(String message);

		void error(String message);
	}

	/** Chooses the file to export to or import from; null when the user cancels. */
	@FunctionalInterface
	interface FileChooser {
		String choose(Shell shell, boolean save);
	}

	/** The native file dialog, which no SWT event can drive: tests replace it through {@link #setFileChooser}. */
	static final FileChooser FILE_DIALOG = (shell, save) -> {
		FileDialog dialog = new FileDialog(shell, save ? SWT.SAVE : SWT.OPEN);
		dialog.setFilterExtensions(save ? new String[] { "*.json" } : new String[] { "*.json", "*" }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (save) {
			dialog.setFileName("mqtt-profiles.json"); //$NON-NLS-1$
			dialog.setOverwrite(true);
		}
		return dialog.open();
	};

	private final ProfileStore store;
	private final Owner owner;
	private final Combo combo;
	private final Button delete;
	private List<ConnectionProfile> profiles = List.of();
	private FileChooser chooser = FILE_DIALOG;

	SavedProfiles(Composite form, ProfileStore store, Owner owner, String selectId) {
		this.store = store;
		this.owner = owner;
		new Label(form, SWT.NONE).setText(Messages.ConnectionDialog_saved);
		combo = new Combo(form, SWT.READ_ONLY);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		combo.addListener(SWT.Selection, e -> pick());
		Composite buttons = new Composite(form, SWT.NONE);
		buttons.setLayout(new GridLayout(3, true));
		button(buttons, Messages.ConnectionDialog_import, this::importProfiles);
		button(buttons, Messages.ConnectionDialog_export, this::exportProfiles);
		delete = button(buttons, Messages.ConnectionDialog_delete, this::deleteSelected);
		reload(selectId);
	}

	void setFileChooser(FileChooser fileChooser) {
		chooser = fileChooser;
	}

	/** The saved profiles as the list shows them. */
	List<ConnectionProfile> profiles() {
		return profiles;
	}

	private void reload(String selectId) {
		try {
			profiles = store.load();
		} catch (IllegalArgumentException e) {
			profiles = List.of();
			owner.error(e.getMessage());
		}
		combo.setItems(profiles.stream().map(ConnectionProfile::name).toArray(String[]::new));
		for (int i = 0; i < profiles.size(); i++) {
			if (profiles.get(i).id().equals(selectId)) {
				combo.select(i);
			}
		}
		delete.setEnabled(selected() != null);
	}

	private ConnectionProfile selected() {
		int index = combo.getSelectionIndex();
		return index < 0 || index >= profiles.size() ? null : profiles.get(index);
	}

	private void pick() {
		ConnectionProfile p = selected();
		delete.setEnabled(p != null);
		if (p == null) {
			return;
		}
		char[] password = null;
		char[] keyPassword = null;
		try {
			password = store.password(p.id());
			keyPassword = store.keyPassword(p.id());
		} catch (StorageException e) {
			owner.error(NLS.bind(Messages.TopicExplorer_secureStorage, e.getMessage()));
		}
		owner.fill(p, password, keyPassword);
	}

	private void deleteSelected() {
		ConnectionProfile p = selected();
		if (p == null) {
			return;
		}
		MessageDialog confirm = new MessageDialog(combo.getShell(), Messages.ConnectionDialog_deleteTitle, null,
				NLS.bind(Messages.ConnectionDialog_deleteQuestion, p.name()), MessageDialog.QUESTION, 1,
				Messages.ConnectionDialog_deleteConfirm, IDialogConstants.CANCEL_LABEL);
		if (confirm.open() != 0) {
			return;
		}
		background(NLS.bind(Messages.ConnectionDialog_deleteFailed, p.name()), () -> {
			store.remove(p.id());
			return NLS.bind(Messages.ConnectionDialog_deleted, p.name());
		}, null);
	}

	private void importProfiles() {
		String file = chooser.choose(combo.getShell(), false);
		if (file == null) {
			return;
		}
		String[] first = new String[1];
		background(NLS.bind(Messages.ConnectionDialog_importFailed, file), () -> {
			// everything is read and checked before anything is saved: a bad file changes nothing
			List<ConnectionProfile> imported = ProfileJson.readAsNew(Files.readString(Path.of(file)));
			store.saveAll(imported);
			first[0] = imported.isEmpty() ? null : imported.get(0).id();
			return NLS.bind(Messages.ConnectionDialog_imported, imported.size());
		}, () -> first[0]);
	}

	private void exportProfiles() {
		String file = chooser.choose(combo.getShell(), true);
		if (file == null) {
			return;
		}
		background(NLS.bind(Messages.ConnectionDialog_exportFailed, file), () -> {
			// a temporary file moved over the target: an export that fails leaves no half-written file
			Path target = Path.of(file);
			Path part = target.resolveSibling(target.getFileName() + ".part"); //$NON-NLS-1$
			try {
				Files.writeString(part, ProfileJson.write(store.load()));
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
			} finally {
				Files.deleteIfExists(part);
			}
			return NLS.bind(Messages.ConnectionDialog_exported, file);
		}, null);
	}

	/** Work on files or storage that returns a message for the user, or throws one. */
	@FunctionalInterface
	private interface Work {
		String run() throws Exception;
	}

	/**
	 * Runs the work in a Job, then reloads the list (selecting what {@code select} names) and shows the outcome; a
	 * failure shows {@code failure} and why.
	 */
	private void background(String failure, Work work, Supplier<String> select) {
		Job job = Job.create(Messages.ConnectionDialog_profilesJob, monitor -> {
			try {
				String done = work.run();
				UiAsync.run(combo, () -> {
					ConnectionProfile before = selected();
					reload(select != null ? select.get() : before == null ? null : before.id());
					if (select != null) {
						pick();
					}
					owner.info(done);
				});
			} catch (Exception e) {
				String why = e.getMessage() == null ? e.toString() : e.getMessage();
				UiAsync.run(combo, () -> owner.error(failure + ' ' + why));
			}
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}
}
