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

import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.osgi.service.prefs.BackingStoreException;

import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.ProfileStore;
import io.mqttdevices.core.projects.ProjectBrokerProfile;
import io.mqttdevices.core.projects.ProjectSecrets;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.internal.Messages;

/**
 * "Watch its topics", offered by a successful upload or flash: the Topic Explorer connected to the project's broker
 * with the profile made from its settings file (saved under the project's profile id, so the next time reuses it),
 * the password from secure storage, subscribed to the project's topics.
 */
final class WatchTopicsAction extends Action {

	private final IProject project;

	WatchTopicsAction(IProject project) {
		super(Messages.WatchTopics_label);
		this.project = project;
	}

	@Override
	public void run() {
		try {
			Optional<ConnectionProfile> found = ProjectBrokerProfile.of(project);
			if (found.isEmpty()) {
				StatusManager.getManager().handle(
						Status.warning(NLS.bind(Messages.WatchTopics_noBroker, project.getName())), StatusManager.SHOW);
				return;
			}
			ConnectionProfile profile = found.get();
			String secret = ProjectSecrets.get(project.getName(), ProjectSecrets.BROKER_PASSWORD);
			char[] password = secret == null || secret.isEmpty() ? null : secret.toCharArray();
			ProfileStore store = ProfileStore.instance();
			store.save(profile);
			store.setPassword(profile.id(), password);
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			TopicExplorerView view = (TopicExplorerView) window.getActivePage().showView(TopicExplorerView.ID);
			view.connect(profile, password, null);
			view.revealDeviceOf(project);
		} catch (CoreException | StorageException | BackingStoreException e) {
			StatusManager.getManager().handle(
					Status.warning(NLS.bind(Messages.WatchTopics_failed, project.getName(), e.getMessage()), e),
					StatusManager.SHOW);
		}
	}
}
