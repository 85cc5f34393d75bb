/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.explorer;

import java.util.function.BooleanSupplier;

/** Waits, bounded, for something another thread does. */
final class Await {

	private Await() {
	}

	static void until(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + timeoutMs * 1_000_000;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Timed out after " + timeoutMs + " ms waiting for " + what);
			}
			Thread.sleep(10);
		}
	}
}
