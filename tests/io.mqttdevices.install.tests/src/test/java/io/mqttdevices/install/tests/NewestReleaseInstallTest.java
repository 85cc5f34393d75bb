/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.tests;

/** The install test in Eclipse 4.39 (2026-03), the newest release on Maven Central: the IDE ./run-ide starts. */
class NewestReleaseInstallTest extends InstallTest {

	@Override
	String release() {
		return "4.39";
	}

	@Override
	String stockIde() {
		return InstalledIde.STOCK_IDE;
	}
}
