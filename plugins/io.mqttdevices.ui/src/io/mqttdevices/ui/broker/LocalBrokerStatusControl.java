/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.broker;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerListener;
import io.mqttdevices.core.broker.LocalBrokerStatus;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.internal.UiThread;

/**
 * The status line's "Local broker: 127.0.0.1:1883, 2 clients" (or "stopped"), kept up to date by the broker; with
 * ", 1 message too large" once it refused one for its size, the last refusal's sentence in the tooltip.
 */
public class LocalBrokerStatusControl extends WorkbenchWindowControlContribution {

	private final LocalBroker broker = LocalBroker.ide().orElse(null);
	private Label label;
	/** Refused messages since the broker started, and the sentence of the last one; UI thread only. */
	private int refused;
	private String lastRefusal;
	private LocalBrokerStatus shown = LocalBrokerStatus.STOPPED;
	private final LocalBrokerListener listener = new LocalBrokerListener() {
		@Override
		public void statusChanged(LocalBrokerStatus status) {
			UiThread.async(label, () -> show(status));
		}

		@Override
		public void messageRefused(String message) {
			UiThread.async(label, () -> {
				refused++;
				lastRefusal = message;
				show(shown);
			});
		}
	};

	@Override
	protected Control createControl(Composite parent) {
		Composite box = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(4, 0).applyTo(box);
		label = new Label(box, SWT.NONE);
		label.setToolTipText(Messages.LocalBrokerStatus_tooltip);
		// the status trim sizes its items once: room for the longest text, so that no update is cut off
		GC gc = new GC(label);
		int width = gc.textExtent(text(new LocalBrokerStatus(true, "255.255.255.255", 65535, 999, true), 999)).x; //$NON-NLS-1$
		gc.dispose();
		GridDataFactory.fillDefaults().grab(true, true).align(SWT.BEGINNING, SWT.CENTER).hint(width, SWT.DEFAULT)
				.applyTo(label);
		if (broker != null) {
			broker.addListener(listener);
			show(broker.status());
		}
		return box;
	}

	/** The status line text of a status. */
	public static String text(LocalBrokerStatus status) {
		return text(status, 0);
	}

	/** The status line text of a status, after this many messages were refused for their size. */
	public static String text(LocalBrokerStatus status, int refused) {
		if (!status.running()) {
			return Messages.LocalBrokerStatus_stopped;
		}
		String clients = status.clients() == 1 ? Messages.LocalBrokerStatus_oneClient
				: NLS.bind(Messages.LocalBrokerStatus_clients, Integer.toString(status.clients()));
		if (refused > 0) {
			clients = NLS.bind(refused == 1 ? Messages.LocalBrokerStatus_oneRefused : Messages.LocalBrokerStatus_refused,
					clients, Integer.toString(refused));
		}
		return NLS.bind(status.secured() ? Messages.LocalBrokerStatus_runningSecured : Messages.LocalBrokerStatus_running,
				status.address(), clients);
	}

	private void show(LocalBrokerStatus status) {
		if (!status.running()) {
			refused = 0;
			lastRefusal = null;
		}
		shown = status;
		label.setText(text(status, refused));
		label.setToolTipText(lastRefusal == null ? Messages.LocalBrokerStatus_tooltip : lastRefusal);
	}

	@Override
	public void dispose() {
		if (broker != null) {
			broker.removeListener(listener);
		}
		super.dispose();
	}
}
