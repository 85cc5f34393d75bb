/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of the topic tree: its own messages (count, last message, bounded history) and its children, with
 * counts rolled up from the whole subtree. Every read takes the tree's lock briefly, so a UI thread can read while
 * the client's callback thread writes; lists handed out are copies.
 */
public final class TopicNode {

	private static final Comparator<TopicNode> BY_NAME = Comparator.comparing(TopicNode::name);
	private static final TopicNode[] NO_CHILDREN = {};

	private final TopicTree tree;
	private final TopicNode parent;
	private final String name;
	private final String topic;
	/** Null while it has none: most nodes are leaves, and a flood of new topics makes thousands at once. */
	private Map<String, TopicNode> children;
	final MessageRing history;
	private TopicNode[] sorted;
	TopicMessage last;
	long ownCount;
	long totalCount;
	/** History entries already dropped by the per-topic cap whose place in the tree's global order remains. */
	int staleInOrder;
	long changed;

	TopicNode(TopicTree tree, TopicNode parent, String name) {
		this.tree = tree;
		this.parent = parent;
		this.name = name;
		this.history = new MessageRing(tree.pages);
		this.topic = parent == null ? null : parent.topic == null ? name : parent.topic + '/' + name;
	}

	/** The last level of the topic; empty for an empty level ({@code a//b}). */
	public String name() {
		return name;
	}

	/** The whole topic; null for the root. */
	public String topic() {
		return topic;
	}

	/** The parent level; null for the root. */
	public TopicNode parent() {
		return parent;
	}

	public TopicTree tree() {
		return tree;
	}

	/** What a row of the tree shows, read under one lock. */
	public record Summary(long totalCount, long messageCount, TopicMessage last) {
	}

	/** Counts and latest message at once: one lock for a whole row. */
	public Summary summary() {
		synchronized (tree) {
			return new Summary(totalCount, ownCount, last);
		}
	}

	/** Messages that arrived on this very topic. */
	public long messageCount() {
		synchronized (tree) {
			return ownCount;
		}
	}

	/** Messages that arrived on this topic and every topic below it. */
	public long totalCount() {
		synchronized (tree) {
			return totalCount;
		}
	}

	/** The latest message on this topic (kept even when the budget dropped the rest of its history), or null. */
	public TopicMessage lastMessage() {
		synchronized (tree) {
			return last;
		}
	}

	/** Whether the latest message on this topic came as a retained message. */
	public boolean isRetained() {
		synchronized (tree) {
			return last != null && last.retained();
		}
	}

	/** The kept messages of this topic, oldest first (bounded by the per-topic cap and the global budget). */
	public List<TopicMessage> history() {
		synchronized (tree) {
			return history.toList();
		}
	}

	/** The message before the latest one, if the history still holds it. */
	public TopicMessage previousMessage() {
		synchronized (tree) {
			return history.size() < 2 ? null : history.get(history.size() - 2);
		}
	}

	/** Children sorted by name. */
	public List<TopicNode> children() {
		synchronized (tree) {
			return List.of(sortedChildren());
		}
	}

	public int childCount() {
		synchronized (tree) {
			return children == null ? 0 : children.size();
		}
	}

	/** The child at this index of {@link #children()}, or null if there is no longer one there. */
	public TopicNode childAt(int index) {
		synchronized (tree) {
			TopicNode[] all = sortedChildren();
			return index >= 0 && index < all.length ? all[index] : null;
		}
	}

	public TopicNode child(String childName) {
		synchronized (tree) {
			return children == null ? null : children.get(childName);
		}
	}

	/** The tree's {@link TopicTree#generation()} when anything in this subtree last changed. */
	public long changedGeneration() {
		synchronized (tree) {
			return changed;
		}
	}

	/** How deep the node is: 0 for the root, 1 for a first level. */
	public int depth() {
		int depth = 0;
		for (TopicNode node = parent; node != null; node = node.parent) {
			depth++;
		}
		return depth;
	}

	TopicNode childOrCreate(String childName) {
		if (children == null) {
			children = new HashMap<>(4);
		}
		TopicNode child = children.get(childName);
		if (child == null) {
			child = new TopicNode(tree, this, childName);
			children.put(childName, child);
			sorted = null;
		}
		return child;
	}

	void removeChildren() {
		children = null;
		sorted = null;
	}

	Iterable<TopicNode> childrenUnlocked() {
		return children == null ? List.of() : children.values();
	}

	private TopicNode[] sortedChildren() {
		if (sorted == null) {
			sorted = children == null ? NO_CHILDREN : children.values().toArray(new TopicNode[0]);
			Arrays.sort(sorted, BY_NAME);
		}
		return sorted;
	}

	@Override
	public String toString() {
		return topic == null ? "<root>" : topic; //$NON-NLS-1$
	}
}
