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

import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.explorer.DetailAccess;
import io.mqttdevices.ui.explorer.ExplorerCommands;
import io.mqttdevices.ui.explorer.OpenConnections;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;

/**
 * Opens the Topic Explorer in the MQTT Devices perspective (where it has a stack of its own) before each test; after
 * it, closes every explorer connection, hides the view and gives the workbench its earlier perspective back.
 */
public final class ExplorerViewSession implements BeforeEachCallback, AfterEachCallback {

	public static final Duration WAIT = Duration.ofSeconds(15);

	/** The start of the tooltips of the view toolbar's buttons (the commands' descriptions in plugin.properties). */
	public static final String CONNECT = "Open a broker connection";
	public static final String DISCONNECT = "Close the connection shown";
	public static final String SUBSCRIPTIONS = "Change the topic filters";
	public static final String PAUSE = "Hold the tree still";
	public static final String PUBLISH = "Publish a message";
	public static final String DELETE_RETAINED = "Delete the retained messages";

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

	/**
	 * The view toolbar's button whose tooltip starts with {@code tooltip} (a command's description; the workbench may
	 * append its key), found among the tool bars of the view's window as a user's eye finds it.
	 */
	public ToolItem toolItem(String tooltip) {
		return Widgets.toolItem(view.getSite().getShell(), tooltip, WAIT);
	}

	/** Clicks the toolbar button with this tooltip (a toggle changes its state first, as under a mouse). */
	public void clickTool(String tooltip) {
		Widgets.clickTool(view.getSite().getShell(), tooltip, WAIT);
	}

	/** Clicks the toolbar button with this tooltip and hands the dialog it opens to {@code onDialog}. */
	public void clickToolOpeningDialog(String tooltip, Consumer<Shell> onDialog) {
		ToolItem item = toolItem(tooltip);
		UiWait.until(WAIT, "'" + tooltip + "' enabled", item::isEnabled);
		Widgets.whenDialogOpens(item.getParent().getShell(), onDialog);
		item.notifyListeners(SWT.Selection, new Event());
	}

	/**
	 * Opens the topic tree's context menu (as a right click does: the menu is filled on show) and returns the text of
	 * its enabled and disabled items, separators left out, accelerators cut off.
	 */
	public java.util.List<String> contextMenu() {
		Menu menu = view.tree().viewer().getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		java.util.List<String> texts = new java.util.ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			if ((item.getStyle() & SWT.SEPARATOR) == 0 && item.isEnabled()) {
				texts.add(plain(item.getText()));
			}
		}
		menu.notifyListeners(SWT.Hide, new Event());
		return texts;
	}

	/** Chooses the context menu item reading {@code text}; {@code onDialog} gets the dialog it opens, if not null. */
	public void chooseFromContextMenu(String text, Consumer<Shell> onDialog) {
		Menu menu = view.tree().viewer().getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		MenuItem chosen = null;
		for (MenuItem item : menu.getItems()) {
			if (text.equals(plain(item.getText()))) {
				chosen = item;
			}
		}
		if (chosen == null) {
			throw new AssertionError("No context menu item " + text);
		}
		if (!chosen.isEnabled()) {
			throw new AssertionError("Context menu item " + text + " is disabled");
		}
		menu.notifyListeners(SWT.Hide, new Event());
		if (onDialog != null) {
			Widgets.whenDialogOpens(view.getSite().getShell(), onDialog);
		}
		chosen.notifyListeners(SWT.Selection, new Event());
	}

	/**
	 * Presses keys in the topic tree as a user does: the view is activated and its tree takes the focus, then the
	 * command the workbench binds to the keys there runs through the view's handlers. Returns that command's id.
	 * {@code onDialog}, if not null, gets the dialog the command opens.
	 */
	public String pressInTree(String keys, Consumer<Shell> onDialog) throws Exception {
		window().getActivePage().activate(view);
		Control tree = view.tree().viewer().getControl();
		tree.getShell().forceActive();
		UiWait.until(WAIT, "the focus in the tree", () -> tree.isFocusControl() || tree.forceFocus() && false);
		IContextService contexts = PlatformUI.getWorkbench().getService(IContextService.class);
		UiWait.until(WAIT, "the tree's key bindings",
				() -> contexts.getActiveContextIds().contains(ExplorerCommands.CONTEXT));
		return press(keys, onDialog);
	}

	/** The id of the command the workbench binds to these keys where the focus is now, or null. */
	public static String boundCommand(String keys) throws ParseException {
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		Binding binding = bindings.getPerfectMatch(KeySequence.getInstance(keys));
		return binding == null ? null : binding.getParameterizedCommand().getId();
	}

	private String press(String keys, Consumer<Shell> onDialog) throws Exception {
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		Binding binding = bindings.getPerfectMatch(KeySequence.getInstance(keys));
		if (binding == null) {
			throw new AssertionError("Nothing bound to " + keys);
		}
		if (onDialog != null) {
			Widgets.whenDialogOpens(view.getSite().getShell(), onDialog);
		}
		view.getSite().getService(IHandlerService.class).executeCommand(binding.getParameterizedCommand(), null);
		return binding.getParameterizedCommand().getId();
	}

	private static String plain(String text) {
		int tab = text.indexOf('\t');
		return (tab >= 0 ? text.substring(0, tab) : text).replace("&", "");
	}

	public static void click(Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** Runs {@code onDialog} on the next dialog the click opens (from the dialog's own event loop), then returns. */
	public static void clickOpeningDialog(Button button, Consumer<Shell> onDialog) {
		Widgets.whenDialogOpens(button.getShell(), onDialog);
		click(button);
	}
}
