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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import io.mqttdevices.core.explorer.TopicNode;

/**
 * The rows a refresh must look at, found from the widgets alone, without the model's lock: top to bottom, the rows on
 * screen and the expanded rows above them (which lead to rows on screen), stopping at the first row below the
 * screen. Rows the virtual tree has not shown yet are left out: it asks for them when it shows them.
 */
final class VisibleRows {

	/** A realized row: its item, its parent's item (null at the top), the parent node and its index there. */
	record Row(TreeItem item, TreeItem parentItem, TopicNode parent, int index, TopicNode shown, boolean onScreen) {
	}

	private final List<Row> rows = new ArrayList<>();
	private final int height;
	private boolean pastBottom;

	private VisibleRows(Tree tree) {
		Rectangle area = tree.getClientArea();
		height = area.height;
	}

	/** The rows under {@code root}, in the order they appear on screen. UI thread only. */
	static List<Row> of(Tree tree, TopicNode root) {
		VisibleRows walk = new VisibleRows(tree);
		walk.collect(null, root, tree.getItems());
		return walk.rows;
	}

	private void collect(TreeItem parentItem, TopicNode parent, TreeItem[] items) {
		for (int i = 0; i < items.length && !pastBottom; i++) {
			TreeItem item = items[i];
			if (!(item.getData() instanceof TopicNode shown)) {
				continue;
			}
			Rectangle bounds = item.getBounds();
			if (bounds.y > height) {
				pastBottom = true;
				return;
			}
			boolean onScreen = bounds.y + bounds.height >= 0;
			boolean expanded = item.getExpanded();
			if (!onScreen && !expanded) {
				continue;
			}
			rows.add(new Row(item, parentItem, parent, i, shown, onScreen));
			if (expanded) {
				collect(item, shown, item.getItems());
			}
		}
	}
}
