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
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;

/**
 * The Topic Explorer as a user meets it, with the local broker running: opens the view, presses Connect..., accepts
 * what the dialog offers (the local broker, as no profile is saved), publishes a reading from a separate MQTT client
 * and looks for its topic among the tree's rows; then Disconnect. Widgets only, found by their labels, so it proves
 * the view, the dialog, Paho and the broker work together in the installed IDE. Must run in the UI thread.
 */
final class ExplorerFacts {

	static final String VIEW_ID = "io.mqttdevices.ui.explorer.TopicExplorerView"; //$NON-NLS-1$
	static final String TOPIC_ROOT = "probe"; //$NON-NLS-1$

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
		clickOpeningDialog(button(root, "Connect..."), dialog -> { //$NON-NLS-1$
			Button connect = button(dialog, "Connect"); //$NON-NLS-1$
			if (connect == null) {
				facts.setProperty("explorer.dialog", "no Connect button"); //$NON-NLS-1$ //$NON-NLS-2$
				dialog.close(); // never leave the probe waiting on a dialog
			} else {
				click(connect);
			}
		});
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
		click(button(root, "Disconnect")); //$NON-NLS-1$
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

	/** The view's own composite: the nearest one above its Connect... button that also holds the topic tree. */
	private static Composite root(IViewPart view) {
		Composite parent = button(view.getSite().getShell(), "Connect...").getParent(); //$NON-NLS-1$
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

	private static TreeItem row(Tree tree, String text) {
		for (TreeItem item : tree.getItems()) {
			if (text.equals(item.getText(0))) {
				return item;
			}
		}
		return null;
	}

	private static void clickOpeningDialog(Button button, Consumer<Shell> onDialog) {
		ProbeWidgets.whenDialogOpens(button.getShell(), onDialog);
		click(button);
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
