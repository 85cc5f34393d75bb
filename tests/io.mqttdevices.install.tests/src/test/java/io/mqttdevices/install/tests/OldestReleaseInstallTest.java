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

/** The install test in Eclipse 4.35 (2025-03), the oldest release we support: a year before the newest. */
class OldestReleaseInstallTest extends InstallTest {

	@Override
	String release() {
		return "4.35";
	}

	@Override
	String stockIde() {
		return "ide-4.35/target/products/stock-ide/linux/gtk/x86_64/eclipse";
	}
}
