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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IStreamMonitor;

/** One stream of a board's output, for the console: what came so far, and listeners told of what comes next. */
final class TextStreamMonitor implements IStreamMonitor {

	private static final int MAX_KEPT = 1 << 20;

	private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();
	private final StringBuilder contents = new StringBuilder();

	@Override
	public void addListener(IStreamListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(IStreamListener listener) {
		listeners.remove(listener);
	}

	@Override
	public synchronized String getContents() {
		return contents.toString();
	}

	void append(String text) {
		synchronized (this) {
			contents.append(text);
			if (contents.length() > MAX_KEPT) {
				contents.delete(0, contents.length() - MAX_KEPT);
			}
		}
		for (IStreamListener listener : listeners) {
			listener.streamAppended(text, this);
		}
	}
}
