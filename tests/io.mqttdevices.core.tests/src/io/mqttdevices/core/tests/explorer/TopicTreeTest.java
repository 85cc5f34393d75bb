/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;

/** The topic model alone: counts rolled up, last message, retained flag, history caps, budget, threads. */
class TopicTreeTest {

	private static TopicMessage text(String s, boolean retained, long time) {
		return TopicMessage.of(s.getBytes(StandardCharsets.UTF_8), 0, retained, time);
	}

	private static String payload(TopicMessage m) {
		return new String(m.payload(), StandardCharsets.UTF_8);
	}

	@Test
	void countsRollUpToEveryParent() {
		TopicTree tree = new TopicTree();
		tree.add("home/kitchen/temp", text("21", false, 1));
		tree.add("home/kitchen/temp", text("22", false, 2));
		tree.add("home/kitchen/hum", text("40", false, 3));
		tree.add("home/hall", text("on", false, 4));
		tree.add("garden", text("x", false, 5));

		assertEquals(5, tree.root().totalCount());
		TopicNode home = tree.find("home");
		assertEquals(4, home.totalCount());
		assertEquals(0, home.messageCount());
		assertEquals(3, tree.find("home/kitchen").totalCount());
		assertEquals(2, tree.find("home/kitchen/temp").messageCount());
		assertEquals("22", payload(tree.find("home/kitchen/temp").lastMessage()));
		assertEquals(2, tree.find("home/kitchen/temp").lastMessage().timestamp());
		assertEquals(List.of("garden", "home"), tree.root().children().stream().map(TopicNode::name).toList());
		assertEquals(List.of("hall", "kitchen"), home.children().stream().map(TopicNode::name).toList());
		assertEquals(4, tree.topicCount());
		assertEquals("home/kitchen/hum", tree.find("home/kitchen/hum").topic());
	}

	@Test
	void emptyLevelsAreTopicsOfTheirOwn() {
		TopicTree tree = new TopicTree();
		tree.add("/lead", text("a", false, 1));
		tree.add("a//b", text("b", false, 1));
		assertEquals("", tree.root().childAt(0).name());
		assertEquals("/lead", tree.find("/lead").topic());
		assertEquals("a//b", tree.find("a//b").topic());
		assertEquals(1, tree.find("a/").totalCount());
	}

	@Test
	void retainedFlagFollowsTheLatestMessage() {
		TopicTree tree = new TopicTree();
		tree.add("dev/state", text("online", true, 1));
		assertTrue(tree.find("dev/state").isRetained());
		assertEquals(List.of("dev/state"), tree.retainedTopics(tree.root()));
		tree.add("dev/state", text("offline", false, 2));
		assertFalse(tree.find("dev/state").isRetained());
		assertEquals(List.of(), tree.retainedTopics(tree.root()));
	}

	@Test
	void retainedTopicsOfASubtreeOnly() {
		TopicTree tree = new TopicTree();
		tree.add("a/x", text("1", true, 1));
		tree.add("a/y/z", text("2", true, 1));
		tree.add("a/w", text("3", false, 1));
		tree.add("b/x", text("4", true, 1));
		List<String> retained = tree.retainedTopics(tree.find("a"));
		assertEquals(2, retained.size());
		assertTrue(retained.containsAll(List.of("a/x", "a/y/z")));
	}

	@Test
	void historyPerTopicKeepsTheNewest() {
		TopicTree tree = new TopicTree(3, Long.MAX_VALUE);
		for (int i = 1; i <= 10; i++) {
			tree.add("t", text("m" + i, false, i));
		}
		TopicNode t = tree.find("t");
		assertEquals(List.of("m8", "m9", "m10"), t.history().stream().map(TopicTreeTest::payload).toList());
		assertEquals("m9", payload(t.previousMessage()));
		assertEquals(10, t.messageCount());
		assertEquals(3, tree.storedMessages());
	}

	@Test
	void historyKeepsEveryFieldThroughWrapGrowthAndShrinking() {
		TopicTree tree = new TopicTree(100, Long.MAX_VALUE);
		List<TopicMessage> sent = new java.util.ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			sent.add(varied(i));
			tree.add("t", sent.get(i));
		}
		TopicNode t = tree.find("t");
		// the newest 100, oldest first, each with its payload, QoS, retained flag, time and properties
		assertSameMessages(sent.subList(900, 1_000), t.history());
		assertSameMessages(List.of(sent.get(998)), List.of(t.previousMessage()));

		tree.setLimits(10, Long.MAX_VALUE);
		assertSameMessages(sent.subList(990, 1_000), t.history());
		assertEquals(10, tree.storedMessages());
		for (int i = 0; i < 5; i++) {
			tree.add("t", sent.get(i));
		}
		List<TopicMessage> expected = new java.util.ArrayList<>(sent.subList(995, 1_000));
		expected.addAll(sent.subList(0, 5));
		assertSameMessages(expected, t.history());
	}

	@Test
	void historyMatchesAPlainListUnderRandomTrafficAndChangingCaps() {
		java.util.Random random = new java.util.Random(42);
		TopicTree tree = new TopicTree(50, Long.MAX_VALUE);
		java.util.Map<String, java.util.ArrayDeque<TopicMessage>> model = new java.util.HashMap<>();
		int cap = 50;
		for (int i = 0; i < 20_000; i++) {
			String topic = "t" + random.nextInt(5);
			TopicMessage m = varied(random.nextInt(1_000_000));
			tree.add(topic, m);
			java.util.ArrayDeque<TopicMessage> kept = model.computeIfAbsent(topic, k -> new java.util.ArrayDeque<>());
			kept.addLast(m);
			while (kept.size() > cap) {
				kept.pollFirst();
			}
			if (i % 7 == 0) {
				assertSameMessages(List.copyOf(kept), tree.find(topic).history());
			}
			if (i % 400 == 399) {
				cap = 1 + random.nextInt(200);
				tree.setLimits(cap, Long.MAX_VALUE);
				for (java.util.ArrayDeque<TopicMessage> q : model.values()) {
					while (q.size() > cap) {
						q.pollFirst();
					}
				}
			}
		}
		for (var entry : model.entrySet()) {
			assertSameMessages(List.copyOf(entry.getValue()), tree.find(entry.getKey()).history());
		}
	}

	@Test
	void historyMatchesAPlainModelUnderABudgetAcrossTopics() {
		TopicTree probe = new TopicTree(10, Long.MAX_VALUE);
		probe.add("p", TopicMessage.of(new byte[10], 0, false, 0));
		long overhead = probe.storedBytes() - 10;
		java.util.Random random = new java.util.Random(7);
		int cap = 40;
		long budget = 200_000;
		TopicTree tree = new TopicTree(cap, budget);
		// the model: every kept message in arrival order, and each topic's own
		java.util.ArrayDeque<Object[]> arrival = new java.util.ArrayDeque<>();
		java.util.Map<String, java.util.ArrayDeque<Object[]>> byTopic = new java.util.HashMap<>();
		long[] stored = { 0 };
		for (int i = 0; i < 30_000; i++) {
			String topic = "t/" + random.nextInt(60);
			// now and then a payload too large for a page (over 4 KB), kept aside
			TopicMessage m = random.nextInt(50) == 0 ? TopicMessage.of(new byte[4_000 + random.nextInt(3_000)], 1,
					false, i) : varied(random.nextInt(1_000_000));
			tree.add(topic, m);
			Object[] entry = { topic, m, Boolean.TRUE };
			arrival.addLast(entry);
			java.util.ArrayDeque<Object[]> own = byTopic.computeIfAbsent(topic, k -> new java.util.ArrayDeque<>());
			own.addLast(entry);
			stored[0] += m.payload().length + overhead;
			if (own.size() > cap) {
				Object[] dropped = own.pollFirst();
				dropped[2] = Boolean.FALSE;
				stored[0] -= ((TopicMessage) dropped[1]).payload().length + overhead;
			}
			while (stored[0] > budget) {
				Object[] oldest = arrival.pollFirst();
				if (oldest[2] == Boolean.TRUE) {
					byTopic.get(oldest[0]).pollFirst();
					stored[0] -= ((TopicMessage) oldest[1]).payload().length + overhead;
				}
			}
			if (i % 11 == 0) {
				assertSameMessages(own.stream().map(e -> (TopicMessage) e[1]).toList(), tree.find(topic).history());
			}
		}
		assertEquals(stored[0], tree.storedBytes());
		for (var entry : byTopic.entrySet()) {
			assertSameMessages(entry.getValue().stream().map(e -> (TopicMessage) e[1]).toList(),
					tree.find(entry.getKey()).history());
		}
		// the pages' slabs stay within a small multiple of the budget, however many messages went through them
		// (a slab is twice the size of the one before it, so the newest may be half empty)
		assertTrue(tree.historyHeapBytes() <= 3 * budget, tree.historyHeapBytes() + " bytes of slabs");
		tree.clear();
		assertEquals(0, tree.historyHeapBytes());
	}

	/** Payloads empty, small and large, QoS 0-2, retained or not, some with MQTT 5 properties (kept whole). */
	private static TopicMessage varied(int i) {
		int length = i % 11 == 0 ? 0 : i % 13 == 0 ? 600 + i % 1_000 : 1 + i % 397;
		byte[] payload = new byte[length];
		java.util.Arrays.fill(payload, (byte) i);
		if (length > 0) {
			payload[0] = (byte) (i >> 8);
		}
		return i % 7 == 0
				? new TopicMessage(payload, 2, false, 10_000 + i, "text/plain",
						List.of(new TopicMessage.UserProperty("k", "v" + i)), (long) i)
				: TopicMessage.of(payload, i % 3, i % 5 == 0, 10_000 + i);
	}

	private static void assertSameMessages(List<TopicMessage> expected, List<TopicMessage> actual) {
		assertEquals(expected.size(), actual.size(), "messages kept");
		for (int i = 0; i < expected.size(); i++) {
			TopicMessage e = expected.get(i);
			TopicMessage a = actual.get(i);
			assertArrayEquals(e.payload(), a.payload(), "payload " + i);
			assertEquals(e.qos(), a.qos(), "QoS " + i);
			assertEquals(e.retained(), a.retained(), "retained " + i);
			assertEquals(e.timestamp(), a.timestamp(), "time " + i);
			assertEquals(e.contentType(), a.contentType(), "content type " + i);
			assertEquals(e.userProperties(), a.userProperties(), "user properties " + i);
			assertEquals(e.expirySeconds(), a.expirySeconds(), "expiry " + i);
		}
	}

	@Test
	void globalBudgetDropsTheOldestMessagesOfAnyTopicFirst() {
		// each message costs its payload plus a fixed overhead; find it from one message
		TopicTree probe = new TopicTree(10, Long.MAX_VALUE);
		probe.add("p", text("0123456789", false, 0));
		long cost = probe.storedBytes();

		TopicTree tree = new TopicTree(100, cost * 4);
		tree.add("a", text("a1........", false, 1));
		tree.add("b", text("b1........", false, 2));
		tree.add("a", text("a2........", false, 3));
		tree.add("c", text("c1........", false, 4));
		tree.add("b", text("b2........", false, 5));
		tree.add("c", text("c2........", false, 6));

		assertEquals(4, tree.storedMessages());
		assertTrue(tree.storedBytes() <= cost * 4);
		assertEquals(List.of("a2........"), tree.find("a").history().stream().map(TopicTreeTest::payload).toList());
		assertEquals(List.of("b2........"), tree.find("b").history().stream().map(TopicTreeTest::payload).toList());
		assertEquals(2, tree.find("c").history().size());
		// counts are not touched by the budget
		assertEquals(2, tree.find("a").messageCount());
		assertEquals(6, tree.root().totalCount());
	}

	@Test
	void latestMessageSurvivesWhenTheBudgetEmptiesItsHistory() {
		TopicTree tree = new TopicTree(100, 0);
		tree.add("x", text("kept", true, 1));
		assertEquals(0, tree.storedMessages());
		assertEquals("kept", payload(tree.find("x").lastMessage()));
		assertTrue(tree.find("x").isRetained());
	}

	@Test
	void memoryStaysBoundedUnderAHotTopicWithACap() {
		TopicTree tree = new TopicTree(5, 1_000_000);
		byte[] payload = new byte[10];
		for (int i = 0; i < 200_000; i++) {
			tree.add("hot/" + (i % 3), TopicMessage.of(payload, 0, false, i));
		}
		assertEquals(15, tree.storedMessages());
		assertEquals(200_000, tree.root().totalCount());
		// the pages the dropped messages were written in are used again: the first, smallest slab holds them all
		assertEquals(64 * 1024, tree.historyHeapBytes());
		// the budget still evicts correctly after the cap dropped most entries
		tree.setLimits(5, 0);
		assertEquals(0, tree.storedMessages());
		assertEquals(0, tree.storedBytes());
	}

	@Test
	void largePayloadIsKeptWhole() {
		TopicTree tree = new TopicTree();
		byte[] big = new byte[5 * 1024 * 1024];
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) i;
		}
		tree.add("blob", TopicMessage.of(big, 1, false, 1));
		assertArrayEquals(big, tree.find("blob").lastMessage().payload());
		assertEquals(big.length, tree.find("blob").lastMessage().size());
	}

	@Test
	void generationChangesWithEveryMessageAndMarksTheChangedPath() {
		TopicTree tree = new TopicTree();
		long before = tree.generation();
		long structure = tree.structureGeneration();
		tree.add("a/b", text("1", false, 1));
		assertNotEquals(before, tree.generation());
		assertNotEquals(structure, tree.structureGeneration());
		long afterFirst = tree.generation();
		long structureAfterFirst = tree.structureGeneration();
		tree.add("a/b", text("2", false, 2));
		assertEquals(structureAfterFirst, tree.structureGeneration(), "no new topic, no structure change");
		tree.add("c", text("3", false, 3));
		assertTrue(tree.find("a").changedGeneration() > afterFirst - 1);
		assertTrue(tree.find("c").changedGeneration() > tree.find("a").changedGeneration());
	}

	@Test
	void aNodeHeldAcrossAClearKeepsItsHistory() {
		TopicTree tree = new TopicTree();
		tree.add("old/t", text("before", false, 1));
		TopicNode held = tree.find("old/t"); // as the detail pane holds the selected topic
		tree.clear();
		for (int i = 0; i < 100; i++) {
			tree.add("new/t" + i, text("after " + i, false, 2));
		}
		assertEquals(List.of("before"), held.history().stream().map(TopicTreeTest::payload).toList());
		assertEquals(List.of("after 7"), tree.find("new/t7").history().stream().map(TopicTreeTest::payload).toList());
	}

	@Test
	void clearForgetsEverything() {
		TopicTree tree = new TopicTree();
		tree.add("a/b", text("1", false, 1));
		tree.clear();
		assertEquals(0, tree.root().totalCount());
		assertEquals(0, tree.root().childCount());
		assertNull(tree.find("a/b"));
		tree.add("a/b", text("2", false, 2));
		assertEquals(1, tree.find("a").totalCount());
	}

	@Test
	void aReaderThreadSeesConsistentCountsWhileTheWriterFloods() throws Exception {
		TopicTree tree = new TopicTree(10, 10_000_000);
		int messages = 300_000;
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread writer = new Thread(() -> {
			byte[] p = new byte[8];
			for (int i = 0; i < messages; i++) {
				tree.add("s/" + (i % 1000) + "/v", TopicMessage.of(p, 0, false, i));
			}
		});
		Thread reader = new Thread(() -> {
			try {
				while (writer.isAlive()) {
					long sum = 0;
					TopicNode s = tree.root().child("s");
					if (s == null) {
						continue;
					}
					long parentTotal = s.totalCount();
					for (TopicNode child : s.children()) {
						sum += child.totalCount();
						child.history();
					}
					// children were read after the parent: they can only have grown
					assertTrue(sum >= parentTotal, sum + " < " + parentTotal);
				}
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		writer.start();
		reader.start();
		writer.join(60_000);
		reader.join(60_000);
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		assertEquals(messages, tree.root().totalCount());
		assertEquals(1000, tree.find("s").childCount());
	}
}
