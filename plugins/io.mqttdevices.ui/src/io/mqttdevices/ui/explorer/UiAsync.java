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

import org.eclipse.swt.widgets.Widget;

/** Back to the UI thread from any thread: asyncExec, skipped when the widget is gone. Never syncExec. */
final class UiAsync {

	private UiAsync() {
	}

	static void run(Widget widget, Runnable runnable) {
		if (widget == null || widget.isDisposed()) {
			return;
		}
		widget.getDisplay().asyncExec(() -> {
			if (!widget.isDisposed()) {
				runnable.run();
			}
		});
	}
}
