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

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.explorer.DetailAccess;
import io.mqttdevices.ui.explorer.OpenConnections;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;

/**
 * Opens the Topic Explorer in the MQTT Devices perspective (where it has a stack of its own) before each test; after
 * it, closes every explorer connection, hides the view and gives the workbench its earlier perspective back.
 */
public final class ExplorerViewSession implements BeforeEachCallback, AfterEachCallback {

	public static final Duration WAIT = Duration.ofSeconds(15);

	private TopicExplorerView view;
	private IPerspectiveDescriptor previous;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		IWorkbenchWindow window = window();
		previous = window.getActivePage().getPerspective();
		PlatformUI.getWorkbench().showPerspective(MqttDevicesPerspective.ID, window);
		view = (TopicExplorerView) window.getActivePage().showView(TopicExplorerView.ID);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		OpenConnections.get().closeAll();
		IWorkbenchPage page = window().getActivePage();
		if (view != null) {
			page.hideView(view);
		}
		IPerspectiveDescriptor ours = page.getPerspective();
		if (previous != null && !previous.getId().equals(MqttDevicesPerspective.ID)) {
			page.setPerspective(previous);
			if (ours != null && ours.getId().equals(MqttDevicesPerspective.ID)) {
				page.closePerspective(ours, false, false);
			}
		}
		UiWait.drain();
	}

	public static IWorkbenchWindow window() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
				? PlatformUI.getWorkbench().getActiveWorkbenchWindow()
				: PlatformUI.getWorkbench().getWorkbenchWindows()[0];
	}

	public TopicExplorerView view() {
		return view;
	}

	/** The view's own composite, where its buttons live. */
	public Composite control() {
		return DetailAccess.root(view);
	}

	/** Waits for the topic in the model, then reveals its row as a user expanding the tree would see it. */
	public TreeItem expandTo(String topic) {
		TopicTree model = view.connection().tree();
		UiWait.until(WAIT, "topic " + topic, () -> model.find(topic) != null);
		TopicNode node = model.find(topic);
		UiWait.until(WAIT, "the row of " + topic, () -> {
			view.tree().viewer().reveal(node);
			return view.tree().viewer().testFindItem(node) instanceof TreeItem;
		});
		return (TreeItem) view.tree().viewer().testFindItem(node);
	}

	public static void click(Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** Runs {@code onDialog} on the next dialog the click opens (from the dialog's own event loop), then returns. */
	public static void clickOpeningDialog(Button button, Consumer<Shell> onDialog) {
		Display display = button.getDisplay();
		Shell owner = button.getShell();
		display.asyncExec(new Runnable() {
			int tries;

			@Override
			public void run() {
				Shell active = display.getActiveShell();
				if (active != null && active != owner) {
					onDialog.accept(active);
				} else if (tries++ < 500) {
					display.timerExec(10, this);
				}
			}
		});
		click(button);
	}
}
