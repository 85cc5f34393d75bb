/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waits on the UI thread while keeping the event loop running, so async work can finish. */
public final class UiWait {

	private UiWait() {
	}

	/** Spins the event loop until the condition holds; fails with {@code what} after the timeout. */
	public static void until(Duration timeout, String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(10, () -> {
					// wakes the sleeping loop so the condition is checked again
				});
				display.sleep();
			}
		}
	}

	/** Runs everything already queued on the event loop. */
	public static void drain() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// keep dispatching
		}
	}
}
