/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.launch;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

import io.mqttdevices.ui.upload.SelectedProject;

/**
 * Makes the files and folders of sensor projects {@link ILaunchable}: the debug UI shows Run As in a resource's
 * context menu only for what adapts to it, and then offers Run on Board by the shortcut's own enablement.
 */
public final class LaunchableAdapterFactory implements IAdapterFactory {

	private static final ILaunchable LAUNCHABLE = new ILaunchable() {
		// a marker: the debug UI asks only whether there is one
	};

	@Override
	public <T> T getAdapter(Object adaptableObject, Class<T> adapterType) {
		if (adapterType == ILaunchable.class && adaptableObject instanceof IResource resource
				&& resource.getProject() != null && SelectedProject.isSensorProject(resource.getProject())) {
			return adapterType.cast(LAUNCHABLE);
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { ILaunchable.class };
	}
}
