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

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

import io.mqttdevices.core.explorer.TopicNode;

/** What the view tests read from the explorer's package-private parts (this fragment shares its package). */
public final class DetailAccess {

	private DetailAccess() {
	}

	/** The view's own composite, where its buttons and filter live. */
	public static Composite root(TopicExplorerView view) {
		return view.root();
	}

	public static String payload(TopicExplorerView view) {
		return view.detail().payloadText();
	}

	/** What "Show all of it" does. */
	public static void showWholePayload(TopicExplorerView view) {
		view.detail().showWholePayload();
	}

	public static String info(TopicExplorerView view) {
		return view.detail().infoText();
	}

	public static String diff(TopicExplorerView view) {
		return view.detail().diffText();
	}

	public static int historyRows(TopicExplorerView view) {
		return view.detail().historyRows();
	}

	public static int chartSeries(TopicExplorerView view) {
		return view.detail().chartSeries();
	}

	/** The labels of the Devices tab's rows, devices then their entities, as shown. */
	public static java.util.List<String> deviceRows(TopicExplorerView view) {
		java.util.List<String> rows = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.TreeItem device : view.devices().viewer().getTree().getItems()) {
			rows.add(device.getText());
			for (org.eclipse.swt.widgets.TreeItem entity : device.getItems()) {
				rows.add(entity.getText());
			}
		}
		return rows;
	}

	/** Clicks the tab of the topic tree's folder with this title (Topics, Devices), as a user would. */
	public static void selectLeftTab(TopicExplorerView view, String title) {
		Control c = view.devices().control();
		CTabFolder folder = (CTabFolder) c.getParent();
		for (CTabItem item : folder.getItems()) {
			if (item.getText().equals(title)) {
				folder.setSelection(item);
				Event e = new Event();
				e.item = item;
				folder.notifyListeners(org.eclipse.swt.SWT.Selection, e);
				return;
			}
		}
		throw new AssertionError("No tab " + title);
	}

	/**
	 * How many pixels of the chart's plot area have the first series' colour (blue) when the chart is drawn at 480 x
	 * 320 (the test workbench leaves the detail pane too small for a plot): 0 when nothing of the series is visible.
	 */
	public static int chartPlotPixels(TopicExplorerView view) {
		org.eclipse.swtchart.Chart chart = view.detail().chartControl();
		chart.setSize(480, 320);
		chart.layout(true, true);
		chart.redraw();
		chart.update();
		org.eclipse.swt.graphics.Point size = chart.getSize();
		org.eclipse.swt.graphics.Rectangle plot = ((Control) chart.getPlotArea()).getBounds();
		org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(chart.getDisplay(), size.x, size.y);
		try {
			chart.renderOffscreenImage(image);
			org.eclipse.swt.graphics.ImageData data = image.getImageData();
			org.eclipse.swt.graphics.RGB blue = chart.getDisplay().getSystemColor(org.eclipse.swt.SWT.COLOR_BLUE)
					.getRGB();
			int count = 0;
			for (int y = plot.y; y < Math.min(plot.y + plot.height, data.height); y++) {
				for (int x = plot.x; x < Math.min(plot.x + plot.width, data.width); x++) {
					if (data.palette.getRGB(data.getPixel(x, y)).equals(blue)) {
						count++;
					}
				}
			}
			return count;
		} finally {
			image.dispose();
		}
	}

	/** The title of the topic tree's folder tab on screen (Topics, Devices). */
	public static String leftTab(TopicExplorerView view) {
		return ((CTabFolder) view.devices().control().getParent()).getSelection().getText();
	}

	/** Double-clicks the Devices tab's row reading {@code label}, as a user would. */
	public static void doubleClickDeviceRow(TopicExplorerView view, String label) {
		org.eclipse.swt.widgets.Tree tree = view.devices().viewer().getTree();
		for (org.eclipse.swt.widgets.TreeItem device : tree.getItems()) {
			for (org.eclipse.swt.widgets.TreeItem entity : device.getItems()) {
				if (entity.getText().equals(label)) {
					tree.setSelection(entity);
					Event e = new Event();
					e.item = entity;
					tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, e);
					return;
				}
			}
		}
		throw new AssertionError("No device row " + label);
	}

	/** Clicks the detail tab with this title, as a user would. */
	public static void selectTab(TopicExplorerView view, String title) {
		for (Control child : view.detail().control().getChildren()) {
			if (child instanceof CTabFolder folder) {
				for (CTabItem item : folder.getItems()) {
					if (item.getText().equals(title)) {
						folder.setSelection(item);
						Event e = new Event();
						e.item = item;
						folder.notifyListeners(org.eclipse.swt.SWT.Selection, e);
						return;
					}
				}
			}
		}
		throw new AssertionError("No detail tab " + title);
	}

	public static Job export(TopicExplorerView view, TopicNode node, Path file) {
		return view.actions().export(node, file);
	}
}
