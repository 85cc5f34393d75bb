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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic seen on a connection, as a tree of {@link TopicNode}s. One writer (the MQTT client's callback
 * thread) adds messages; any thread reads. Memory is bounded by a per-topic history cap and a global byte budget
 * over all histories, oldest message dropped first; each topic keeps its latest message besides. A reader that
 * refreshes at its own rate polls {@link #generation()}, which changes with every message.
 */
public final class TopicTree {

	public static final int DEFAULT_HISTORY_PER_TOPIC = 1_000;
	public static final long DEFAULT_BUDGET_BYTES = 64L * 1024 * 1024;

	/**
	 * Where the histories keep their messages; before the root, which takes its history from it. A clear starts new
	 * pages: nodes someone still holds keep reading theirs.
	 */
	HistoryPages pages = new HistoryPages();
	private final TopicNode root = new TopicNode(this, null, ""); //$NON-NLS-1$
	private final Map<String, TopicNode> byTopic = new HashMap<>();
	/** One entry per stored history message, in arrival order over all topics: who to drop first. */
	private final ArrayDeque<TopicNode> order = new ArrayDeque<>();
	private int historyPerTopic;
	private long budgetBytes;
	private long storedBytes;
	private long storedMessages;
	private volatile long generation;
	private volatile long structureGeneration;

	public TopicTree() {
		this(DEFAULT_HISTORY_PER_TOPIC, DEFAULT_BUDGET_BYTES);
	}

	public TopicTree(int historyPerTopic, long budgetBytes) {
		setLimits(historyPerTopic, budgetBytes);
	}

	public TopicNode root() {
		return root;
	}

	/** Changes with every message and every clear: a reader refreshes when it differs from what it last saw. */
	public long generation() {
		return generation;
	}

	/** Changes when topics appear or disappear. */
	public long structureGeneration() {
		return structureGeneration;
	}

	/**
	 * Runs a reader with the whole tree held still: the writer waits until it returns. One lock for many reads,
	 * instead of one each, so a reader is not slowed by taking turns with a busy writer. Keep it short.
	 */
	public void readLocked(Runnable reader) {
		synchronized (this) {
			reader.run();
		}
	}

	/** Adds a message that arrived on a topic (never a wildcard): counts, last message, history, budget. */
	public void add(String topic, TopicMessage message) {
		synchronized (this) {
			TopicNode node = byTopic.get(topic);
			if (node == null) {
				node = create(topic);
			}
			long gen = generation + 1;
			node.ownCount++;
			node.last = message;
			for (TopicNode n = node; n != null; n = n.parent()) {
				n.totalCount++;
				n.changed = gen;
			}
			store(node, message);
			generation = gen;
		}
	}

	/** The node of a topic that has had messages or has children, or null. */
	public TopicNode find(String topic) {
		synchronized (this) {
			TopicNode node = byTopic.get(topic);
			if (node != null) {
				return node;
			}
			node = root;
			for (String level : topic.split("/", -1)) { //$NON-NLS-1$
				node = node.child(level);
				if (node == null) {
					return null;
				}
			}
			return node;
		}
	}

	/** Sets the per-topic history cap and the global budget, dropping what no longer fits, oldest first. */
	public void setLimits(int perTopic, long budget) {
		if (perTopic < 1 || budget < 0) {
			throw new IllegalArgumentException("History per topic must be at least 1 and the budget not negative"); //$NON-NLS-1$
		}
		synchronized (this) {
			historyPerTopic = perTopic;
			budgetBytes = budget;
			for (TopicNode node : byTopic.values()) {
				while (node.history.size() > historyPerTopic) {
					dropOldestOf(node);
				}
			}
			trimToBudget();
			generation++;
		}
	}

	public synchronized int historyPerTopic() {
		return historyPerTopic;
	}

	public synchronized long budgetBytes() {
		return budgetBytes;
	}

	/** Bytes the histories hold now, by the budget's reckoning (payload plus a fixed overhead per message). */
	public synchronized long storedBytes() {
		return storedBytes;
	}

	/**
	 * Bytes of heap the histories' pages take now (messages kept aside, those with MQTT 5 properties or payloads over
	 * 4 KB, not counted): the most they ever needed at once, since pages are reused, not given back until a clear.
	 */
	public synchronized long historyHeapBytes() {
		return pages.slabBytes();
	}

	/** Messages the histories hold now. */
	public synchronized long storedMessages() {
		return storedMessages;
	}

	/** Topics that have had at least one message. */
	public synchronized int topicCount() {
		return byTopic.size();
	}

	/** Every topic with messages, in no particular order. */
	public synchronized List<String> topics() {
		return new ArrayList<>(byTopic.keySet());
	}

	/** Topics at or under this node whose latest message was retained: what "delete retained" must clear. */
	public List<String> retainedTopics(TopicNode subtree) {
		List<String> topics = new ArrayList<>();
		synchronized (this) {
			collectRetained(subtree, topics);
		}
		return topics;
	}

	/** Forgets every topic and message (the counts start again from zero). */
	public void clear() {
		synchronized (this) {
			byTopic.clear();
			order.clear();
			storedBytes = 0;
			storedMessages = 0;
			root.removeChildren();
			root.ownCount = 0;
			root.totalCount = 0;
			pages = new HistoryPages();
			root.history.clear(pages);
			root.last = null;
			generation++;
			root.changed = generation;
			structureGeneration++;
		}
	}

	private TopicNode create(String topic) {
		TopicNode node = root;
		int start = 0;
		while (true) {
			int slash = topic.indexOf('/', start);
			String level = slash < 0 ? topic.substring(start) : topic.substring(start, slash);
			node = node.childOrCreate(level);
			if (slash < 0) {
				break;
			}
			start = slash + 1;
		}
		byTopic.put(node.topic(), node); // the node's own string, not the client's: one string per topic kept
		structureGeneration++;
		return node;
	}

	private void store(TopicNode node, TopicMessage message) {
		node.history.addLast(message);
		order.addLast(node);
		storedBytes += message.cost();
		storedMessages++;
		if (node.history.size() > historyPerTopic) {
			dropOldestOf(node);
			node.staleInOrder++;
		}
		trimToBudget();
		if (order.size() > 2 * storedMessages + 1024) {
			compactOrder();
		}
	}

	private void dropOldestOf(TopicNode node) {
		storedBytes -= node.history.dropFirst();
		storedMessages--;
	}

	private void trimToBudget() {
		while (storedBytes > budgetBytes && !order.isEmpty()) {
			TopicNode oldest = order.pollFirst();
			if (oldest.staleInOrder > 0) {
				oldest.staleInOrder--;
			} else if (!oldest.history.isEmpty()) {
				dropOldestOf(oldest);
			}
		}
	}

	/** Drops the order entries of messages the per-topic cap already dropped (each node's oldest entries). */
	private void compactOrder() {
		int size = order.size();
		for (int i = 0; i < size; i++) {
			TopicNode node = order.pollFirst();
			if (node.staleInOrder > 0) {
				node.staleInOrder--;
			} else {
				order.addLast(node);
			}
		}
	}

	private static void collectRetained(TopicNode node, List<String> topics) {
		if (node.last != null && node.last.retained() && node.last.payload().length > 0) {
			topics.add(node.topic());
		}
		for (TopicNode child : node.childrenUnlocked()) {
			collectRetained(child, topics);
		}
	}
}
