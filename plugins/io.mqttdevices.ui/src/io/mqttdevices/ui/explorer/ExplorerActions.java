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

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.statushandlers.StatusManager;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionException;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.HistoryExport;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.OutgoingMessage;
import io.mqttdevices.core.explorer.PayloadFormat;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.ui.internal.Messages;

/**
 * What the explorer's commands do (ExplorerCommands' handlers). Dialogs on the UI thread; the network and files in
 * Jobs, their outcome back in the view's status line.
 */
final class ExplorerActions {

	private final TopicExplorerView view;

	ExplorerActions(TopicExplorerView view) {
		this.view = view;
	}

	private Shell shell() {
		return view.getSite().getShell();
	}

	void connect() {
		ProfileStore store = ProfileStore.instance();
		List<ConnectionProfile> saved;
		try {
			saved = store.load();
		} catch (IllegalArgumentException e) {
			saved = List.of();
			view.showError(e.getMessage());
		}
		ConnectionProfile profile;
		char[] password = null;
		char[] keyPassword = null;
		if (saved.isEmpty()) {
			DefaultProfile fallback = DefaultProfile.get();
			profile = fallback.profile();
			password = fallback.password();
		} else {
			profile = saved.get(saved.size() - 1);
			try {
				password = store.password(profile.id());
				keyPassword = store.keyPassword(profile.id());
			} catch (StorageException e) {
				view.showError(NLS.bind(Messages.TopicExplorer_secureStorage, e.getMessage()));
			}
		}
		ConnectionDialog dialog = new ConnectionDialog(shell(), store, profile, password, keyPassword);
		if (dialog.open() != Window.OK) {
			return;
		}
		ConnectionProfile chosen = dialog.profile();
		char[] chosenPassword = dialog.password();
		char[] chosenKeyPassword = dialog.keyPassword();
		Runnable save = dialog.saveProfile() ? () -> save(chosen, chosenPassword, chosenKeyPassword) : () -> {
		};
		view.connect(chosen, chosenPassword, chosenKeyPassword, save);
	}

	/** Saves a profile and its passwords (preferences and secure storage: in the connect Job, not the UI thread). */
	private void save(ConnectionProfile profile, char[] password, char[] keyPassword) {
		ProfileStore store = ProfileStore.instance();
		try {
			store.save(profile);
			store.setPassword(profile.id(), password);
			store.setKeyPassword(profile.id(), keyPassword);
		} catch (Exception e) {
			// the reason in the message, the trace in the log only
			ILog.of(getClass()).warn(Messages.TopicExplorer_saveFailed, e);
			String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
			StatusManager.getManager().handle(Status.warning(Messages.TopicExplorer_saveFailed + ' ' + why),
					StatusManager.SHOW);
		}
	}

	void disconnect() {
		BrokerConnection connection = view.connection();
		if (connection != null) {
			Job.create(Messages.TopicExplorer_disconnect, monitor -> {
				OpenConnections.get().close(connection);
				return Status.OK_STATUS;
			}).schedule();
		}
	}

	void editSubscriptions() {
		BrokerConnection connection = view.connection();
		if (connection == null) {
			return;
		}
		InputDialog dialog = new InputDialog(shell(), Messages.TopicExplorer_subscriptionsTitle,
				Messages.TopicExplorer_subscriptionsMessage,
				SubscriptionText.format(connection.subscriptions(), ", "), //$NON-NLS-1$
				text -> SubscriptionText.parse(text).error());
		if (dialog.open() != Window.OK) {
			return;
		}
		List<Subscription> filters = SubscriptionText.parse(dialog.getValue()).subscriptions();
		background(Messages.TopicExplorer_subscriptions, () -> {
			connection.setSubscriptions(filters);
			return NLS.bind(Messages.TopicExplorer_subscribed, SubscriptionText.format(filters, ", ")); //$NON-NLS-1$
		});
	}

	void publish() {
		BrokerConnection connection = view.connection();
		if (connection == null) {
			view.showError(Messages.TopicExplorer_notConnected);
			return;
		}
		TopicNode node = view.tree().selection();
		PublishDialog dialog = new PublishDialog(shell(), node == null ? null : node.topic(),
				connection.profile().version() == MqttVersion.V5);
		if (dialog.open() != Window.OK) {
			return;
		}
		OutgoingMessage message = dialog.message();
		background(Messages.TopicExplorer_publish, () -> {
			connection.publish(message);
			return NLS.bind(Messages.TopicExplorer_published, message.topic());
		});
	}

	void deleteRetained() {
		BrokerConnection connection = view.connection();
		TopicNode node = view.tree().selection();
		if (connection == null || node == null) {
			view.showError(Messages.TopicExplorer_selectTopic);
			return;
		}
		List<String> topics = connection.tree().retainedTopics(node);
		if (topics.isEmpty()) {
			view.showInfo(NLS.bind(Messages.TopicExplorer_noRetained, node.topic()));
			return;
		}
		MessageDialog confirm = new MessageDialog(shell(), Messages.TopicExplorer_deleteRetainedTitle, null,
				NLS.bind(Messages.TopicExplorer_deleteRetainedQuestion, topics.size(), node.topic()),
				MessageDialog.WARNING, 1, Messages.TopicExplorer_delete, IDialogConstants.CANCEL_LABEL);
		if (confirm.open() != 0) {
			return;
		}
		background(Messages.TopicExplorer_deleteRetained, () -> NLS.bind(Messages.TopicExplorer_deleted,
				connection.deleteRetained(topics), node.topic()));
	}

	void copyTopic() {
		TopicNode node = view.tree().selection();
		if (node != null) {
			copy(node.topic());
		}
	}

	void copyPayload() {
		TopicNode node = view.tree().selection();
		TopicMessage last = node == null ? null : node.lastMessage();
		if (last != null) {
			String text = PayloadFormat.utf8(last.payload());
			copy(text != null ? text : PayloadFormat.hexDump(last.payload()));
		}
	}

	void exportHistory() {
		TopicNode node = view.tree().selection();
		if (node == null || node.lastMessage() == null) {
			view.showError(Messages.TopicExplorer_selectTopic);
			return;
		}
		FileDialog dialog = new FileDialog(shell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.csv", "*.json" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFileName(node.topic().replace('/', '_') + ".csv"); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			export(node, Path.of(file));
		}
	}

	/** Writes the topic's kept history to a file, CSV or JSON by its extension, in a Job. */
	Job export(TopicNode node, Path file) {
		List<TopicMessage> history = node.history();
		return background(Messages.TopicExplorer_export, () -> {
			Path temp = file.resolveSibling(file.getFileName() + ".part"); //$NON-NLS-1$
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				if (file.toString().toLowerCase().endsWith(".json")) { //$NON-NLS-1$
					HistoryExport.json(node.topic(), history, out);
				} else {
					HistoryExport.csv(node.topic(), history, out);
				}
			} catch (IOException e) {
				Files.deleteIfExists(temp);
				throw e;
			}
			Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return NLS.bind(Messages.TopicExplorer_exported, history.size(), file);
		});
	}

	private void copy(String text) {
		Clipboard clipboard = new Clipboard(shell().getDisplay());
		try {
			clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	/** Work that may fail with a message for the user. */
	@FunctionalInterface
	interface Work {
		String run() throws ConnectionException, IOException;
	}

	private Job background(String name, Work work) {
		Job job = Job.create(name, monitor -> {
			try {
				String done = work.run();
				UiAsync.run(view.tree().viewer().getControl(), () -> view.showInfo(done));
			} catch (ConnectionException | IOException e) {
				String message = e.getMessage() == null ? e.toString() : e.getMessage();
				UiAsync.run(view.tree().viewer().getControl(), () -> view.showError(message));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}
}
