/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.templates;

import java.util.List;

import io.mqttdevices.core.libraries.Requirement;

/** The libraries file a generated project declares its board's libraries in ({@link Runtime#librariesFile()}). */
final class LibrariesFile {

	private LibrariesFile() {
	}

	static String of(Runtime runtime, List<Requirement> requirements) {
		return runtime == Runtime.MICROPYTHON ? packageJson(requirements) : requirementsTxt(requirements);
	}

	/** mip's {@code package.json} with only {@code "deps"}: {@code mip install} of the project installs them too. */
	static String packageJson(List<Requirement> requirements) {
		StringBuilder json = new StringBuilder("{\n  \"deps\": ["); //$NON-NLS-1$
		for (int i = 0; i < requirements.size(); i++) {
			Requirement r = requirements.get(i);
			json.append(i == 0 ? "\n" : ",\n").append("    [\"").append(r.name()).append("\", \"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					.append(r.version() == null ? "latest" : r.version()).append("\"]"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return json.append(requirements.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** circup's {@code requirements.txt}: one module a line. */
	static String requirementsTxt(List<Requirement> requirements) {
		StringBuilder text = new StringBuilder();
		for (Requirement r : requirements) {
			text.append(r.name());
			if (r.version() != null) {
				text.append("==").append(r.version()); //$NON-NLS-1$
			}
			text.append('\n');
		}
		return text.toString();
	}
}
