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

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IResource;

import io.mqttdevices.core.projects.ProjectDeviceSettings;

/**
 * {@code io.mqttdevices.ui.runtime}: the runtime of a resource's sensor project ({@code MICROPYTHON} or
 * {@code CIRCUITPYTHON}), so menus offer Flash to CIRCUITPY only where it applies.
 */
public final class RuntimePropertyTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		if (!(receiver instanceof IResource resource) || resource.getProject() == null
				|| !SelectedProject.isSensorProject(resource.getProject())) {
			return false;
		}
		String runtime = new ProjectDeviceSettings(resource.getProject()).runtime().name();
		return expectedValue == null || runtime.equals(expectedValue.toString());
	}
}
