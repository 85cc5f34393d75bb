/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The local broker as a user starts it: the Start Local Broker command on a free loopback port (set in the
 * preferences as a user would), then whether the port listens, what the status line reads, and whether Stop Local
 * Broker closes the port; while it runs, the Topic Explorer connects to it ({@link ExplorerFacts}). Proves that
 * Moquette, Netty, SLF4J and Paho from our feature run in the stock IDE. Must run in
 * the UI thread: it spins the event loop while the commands' Jobs work.
 */
final class LocalBrokerFacts {

	private static final String START = "io.mqttdevices.ui.commands.startLocalBroker"; //$NON-NLS-1$
	private static final String STOP = "io.mqttdevices.ui.commands.stopLocalBroker"; //$NON-NLS-1$
	private static final String CORE_NODE = "io.mqttdevices.core"; //$NON-NLS-1$
	private static final String PORT_KEY = "localBroker.port"; //$NON-NLS-1$

	private final IWorkbench workbench;
	private final Properties facts;

	LocalBrokerFacts(IWorkbench workbench, Properties facts) {
		this.workbench = workbench;
		this.facts = facts;
	}

	void collect() throws Exception {
		int port = freePort();
		facts.setProperty("localBroker.port", String.valueOf(port)); //$NON-NLS-1$
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CORE_NODE);
		preferences.putInt(PORT_KEY, port);
		IHandlerService handlers = workbench.getService(IHandlerService.class);
		try {
			handlers.executeCommand(START, null);
			facts.setProperty("localBroker.listening", String.valueOf(spinUntil(() -> accepts(port)))); //$NON-NLS-1$
			String expected = ":" + port + ","; //$NON-NLS-1$ //$NON-NLS-2$
			spinUntil(() -> statusLine().contains(expected));
			facts.setProperty("localBroker.statusLine", statusLine()); //$NON-NLS-1$
			try {
				new ExplorerFacts(workbench, facts, port).collect();
			} catch (Exception | LinkageError e) {
				facts.setProperty("explorer.error", e.toString()); //$NON-NLS-1$
			}
		} finally {
			handlers.executeCommand(STOP, null);
			facts.setProperty("localBroker.stopped", String.valueOf(spinUntil(() -> !accepts(port)))); //$NON-NLS-1$
			preferences.remove(PORT_KEY);
		}
	}

	private boolean spinUntil(BooleanSupplier condition) {
		return ProbeWidgets.spinUntil(workbench.getDisplay(), condition);
	}

	/** The text of our label in the status line, or "" when it is not there. */
	private String statusLine() {
		for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
			String text = find(window.getShell());
			if (text != null) {
				return text;
			}
		}
		return ""; //$NON-NLS-1$
	}

	private static String find(Composite parent) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Label label && label.getText().startsWith("Local broker:")) { //$NON-NLS-1$
				return label.getText();
			}
			if (child instanceof Composite composite) {
				String text = find(composite);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0)); //$NON-NLS-1$
			return socket.getLocalPort();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200); //$NON-NLS-1$
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
