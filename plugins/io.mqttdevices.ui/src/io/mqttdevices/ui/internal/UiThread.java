/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.internal;

import org.eclipse.swt.widgets.Widget;

/** The one way back to the UI thread from Jobs and core listeners: asynchronously, and never onto a dead widget. */
public final class UiThread {

	private UiThread() {
	}

	/** Runs {@code work} on the widget's UI thread later, unless the widget is (or gets) disposed first. */
	public static void async(Widget widget, Runnable work) {
		if (widget == null || widget.isDisposed()) {
			return;
		}
		widget.getDisplay().asyncExec(() -> {
			if (!widget.isDisposed()) {
				work.run();
			}
		});
	}
}
