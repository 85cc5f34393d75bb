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

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;

/**
 * The Topic Explorer as a user meets it, with the local broker running: opens the view, presses Connect... in its
 * toolbar, accepts what the dialog offers (the local broker, as no profile is saved), publishes a reading from a
 * separate MQTT client and looks for its topic among the tree's rows; then Disconnect in the toolbar. Widgets only,
 * found by their labels and tooltips, so it proves the view, its commands, the dialog, Paho and the broker work
 * together in the installed IDE. Must run in the UI thread.
 */
final class ExplorerFacts {

	static final String VIEW_ID = "io.mqttdevices.ui.explorer.TopicExplorerView"; //$NON-NLS-1$
	static final String TOPIC_ROOT = "probe"; //$NON-NLS-1$
	/** The start of the tooltips of the view toolbar's Connect... and Disconnect (the commands' descriptions). */
	static final String CONNECT_TOOLTIP = "Open a broker connection"; //$NON-NLS-1$
	static final String DISCONNECT_TOOLTIP = "Close the connection shown"; //$NON-NLS-1$

	private final IWorkbench workbench;
	private final Properties facts;
	private final int port;

	ExplorerFacts(IWorkbench workbench, Properties facts, int port) {
		this.workbench = workbench;
		this.facts = facts;
		this.port = port;
	}

	void collect() throws Exception {
		IWorkbenchPage page = workbench.getActiveWorkbenchWindow().getActivePage();
		IViewPart view = page.showView(VIEW_ID);
		Composite root = root(view);
		Shell shell = view.getSite().getShell();
		spinUntil(() -> toolItem(shell, CONNECT_TOOLTIP) != null); // the view toolbar is drawn after the view
		ToolItem connectTool = toolItem(shell, CONNECT_TOOLTIP);
		if (connectTool == null) {
			facts.setProperty("explorer.error", "no toolbar item '" + CONNECT_TOOLTIP + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		ProbeWidgets.whenDialogOpens(shell, dialog -> {
			Button connect = button(dialog, "Connect"); //$NON-NLS-1$
			if (connect == null) {
				facts.setProperty("explorer.dialog", "no Connect button"); //$NON-NLS-1$ //$NON-NLS-2$
				dialog.close(); // never leave the probe waiting on a dialog
			} else {
				click(connect);
			}
		});
		select(connectTool);
		boolean connected = spinUntil(() -> status(root).startsWith("Connected to")); //$NON-NLS-1$
		facts.setProperty("explorer.status", status(root)); //$NON-NLS-1$
		if (!connected) {
			return;
		}
		publish(TOPIC_ROOT + "/room/temperature", "21.5"); //$NON-NLS-1$ //$NON-NLS-2$
		Tree tree = find(root, Tree.class);
		boolean shown = spinUntil(() -> row(tree, TOPIC_ROOT) != null);
		facts.setProperty("explorer.topicRow", shown ? row(tree, TOPIC_ROOT).getText(0) : ""); //$NON-NLS-1$ //$NON-NLS-2$
		facts.setProperty("explorer.topicCount", shown ? row(tree, TOPIC_ROOT).getText(1) : ""); //$NON-NLS-1$ //$NON-NLS-2$
		ToolItem disconnectTool = toolItem(shell, DISCONNECT_TOOLTIP);
		if (disconnectTool == null || !spinUntil(disconnectTool::isEnabled)) {
			facts.setProperty("explorer.error", "no enabled toolbar item '" + DISCONNECT_TOOLTIP + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		select(disconnectTool);
		spinUntil(() -> status(root).startsWith("Not connected")); //$NON-NLS-1$
		facts.setProperty("explorer.statusAfterDisconnect", status(root)); //$NON-NLS-1$
	}

	/** What a sensor would send, from a client of our own, not the explorer's. */
	private void publish(String topic, String payload) throws Exception {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "install-probe", new MemoryPersistence()); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			MqttConnectOptions options = new MqttConnectOptions();
			options.setConnectionTimeout(10);
			client.connect(options);
			client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
			client.disconnect();
		} finally {
			client.close();
		}
	}

	/** The view's own composite: the nearest one above its Connection: label that also holds the topic tree. */
	private static Composite root(IViewPart view) {
		Composite parent = label(view.getSite().getShell(), "Connection:").getParent(); //$NON-NLS-1$
		while (find(parent, Tree.class) == null) {
			parent = parent.getParent();
		}
		return parent;
	}

	/** The view's status line: the label in the row that also holds the "Reconnect now" link. */
	private static String status(Composite root) {
		for (Control child : root.getChildren()) {
			if (child instanceof Composite row && find(row, Link.class) != null && find(row, Label.class) != null) {
				return find(row, Label.class).getText();
			}
		}
		return ""; //$NON-NLS-1$
	}

	/** The first label reading {@code text} below {@code parent}, depth first, or null. */
	private static Label label(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Label l && text.equals(l.getText())) {
				return l;
			}
			if (child instanceof Composite composite) {
				Label found = label(composite, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The visible tool bar button whose tooltip starts with {@code tooltip} (the workbench may add its key), or null. */
	private static ToolItem toolItem(Composite parent, String tooltip) {
		for (Control child : parent.getChildren()) {
			if (child instanceof ToolBar bar && bar.isVisible()) {
				for (ToolItem item : bar.getItems()) {
					if (item.getToolTipText() != null && item.getToolTipText().startsWith(tooltip)) {
						return item;
					}
				}
			}
			if (child instanceof Composite composite) {
				ToolItem found = toolItem(composite, tooltip);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** What a click on a tool bar button sends. */
	private static void select(ToolItem item) {
		item.notifyListeners(SWT.Selection, new Event());
	}

	private static TreeItem row(Tree tree, String text) {
		for (TreeItem item : tree.getItems()) {
			if (text.equals(item.getText(0))) {
				return item;
			}
		}
		return null;
	}

	private static void click(Button button) {
		ProbeWidgets.click(button);
	}

	private boolean spinUntil(BooleanSupplier condition) {
		return ProbeWidgets.spinUntil(workbench.getDisplay(), condition);
	}

	private static Button button(Composite parent, String text) {
		return ProbeWidgets.button(parent, text);
	}

	private static <T extends Control> T find(Composite parent, Class<T> type) {
		return ProbeWidgets.find(parent, type);
	}
}
