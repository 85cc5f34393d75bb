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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.viewers.ILazyTreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;

import io.mqttdevices.core.explorer.TopicNode;

/**
 * Feeds a virtual tree from the topic model: only the rows on screen are asked for. With a filter, a level shows
 * the children whose topic, or a topic below them, contains the filter text (case-insensitive).
 */
final class LazyTopicContent implements ILazyTreeContentProvider {

	private final TreeViewer viewer;
	private String filter = ""; //$NON-NLS-1$
	/** Filtered children, computed once per refresh. */
	private final Map<TopicNode, List<TopicNode>> cache = new HashMap<>();

	LazyTopicContent(TreeViewer viewer) {
		this.viewer = viewer;
	}

	void setFilter(String text) {
		filter = text == null ? "" : text.trim().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		cache.clear();
	}

	boolean isFiltering() {
		return !filter.isEmpty();
	}

	/** Forgets the cached children: call before each refresh. */
	void invalidate() {
		cache.clear();
	}

	List<TopicNode> children(TopicNode node) {
		if (filter.isEmpty()) {
			return node.children();
		}
		return cache.computeIfAbsent(node, n -> {
			List<TopicNode> kept = new ArrayList<>();
			for (TopicNode child : n.children()) {
				if (matches(child)) {
					kept.add(child);
				}
			}
			return kept;
		});
	}

	private boolean matches(TopicNode node) {
		if (node.topic().toLowerCase(Locale.ROOT).contains(filter)) {
			return true;
		}
		for (TopicNode child : node.children()) {
			if (matches(child)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void updateElement(Object parent, int index) {
		List<TopicNode> kids = children((TopicNode) parent);
		if (index < kids.size()) {
			TopicNode child = kids.get(index);
			viewer.replace(parent, index, child);
			viewer.setChildCount(child, children(child).size());
		}
	}

	@Override
	public void updateChildCount(Object element, int currentChildCount) {
		int count = children((TopicNode) element).size();
		if (count != currentChildCount) {
			viewer.setChildCount(element, count);
		}
	}

	@Override
	public Object getParent(Object element) {
		return ((TopicNode) element).parent();
	}
}
