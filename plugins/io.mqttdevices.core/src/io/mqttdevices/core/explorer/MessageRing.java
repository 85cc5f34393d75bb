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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A topic's kept messages, oldest first, laid out for floods: written as bytes into pages of the tree's
 * {@link HistoryPages}, so that a kept message is no object of its own (see there why). Each entry is its flags
 * (QoS, retained, kept aside), the payload's length, the arrival time and the payload. A message with MQTT 5
 * properties, or whose payload does not fit in a page, is kept aside whole (its entry carries no payload), in
 * arrival order. A topic's pages grow from the smallest to {@value HistoryPages#MAX_PAGE} bytes with its history.
 * Messages handed out are rebuilt from the bytes, with payloads of their own. Not thread-safe: the tree's lock
 * guards it.
 */
final class MessageRing {

	/** Flags (1 byte), payload length (2), arrival time (8). */
	private static final int ENTRY = 11;
	/** The largest payload kept in a page. */
	static final int MAX_INLINE = HistoryPages.MAX_PAGE - HistoryPages.HEADER - ENTRY;
	private static final int QOS_BITS = 3;
	private static final int RETAINED = 4;
	private static final int ASIDE = 8;
	private static final int[] NO_PAGES = {};
	private static final Object[] NOTHING_ASIDE = {};
	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private HistoryPages memory;
	/** Page ids, oldest first from {@link #head}; every page holds at least one message not yet dropped. */
	private int[] pages = NO_PAGES;
	private int head;
	private int pageCount;
	/** Where the oldest message starts, from the start of the oldest page. */
	private int readOffset;
	private int size;
	/** Bytes of the entries kept: what the next page is sized after. */
	private long bytes;
	/** Messages kept aside (a payload's byte[] or a whole TopicMessage), oldest first from {@link #asideHead}. */
	private Object[] aside = NOTHING_ASIDE;
	private int asideHead;
	private int asideCount;

	MessageRing(HistoryPages memory) {
		this.memory = memory;
	}

	int size() {
		return size;
	}

	boolean isEmpty() {
		return size == 0;
	}

	void addLast(TopicMessage message) {
		byte[] payload = message.payload();
		boolean inline = !message.hasProperties() && payload.length <= MAX_INLINE;
		int length = inline ? payload.length : 0;
		int page = pageCount == 0 ? newPage(ENTRY + length) : pages[(head + pageCount - 1) % pages.length];
		byte[] slab = memory.slab(page);
		int base = HistoryPages.offset(page);
		int used = HistoryPages.used(slab, base);
		if (used + ENTRY + length > memory.capacity(page)) {
			page = newPage(ENTRY + length);
			slab = memory.slab(page);
			base = HistoryPages.offset(page);
			used = HistoryPages.HEADER;
		}
		int at = base + used;
		slab[at] = (byte) ((message.qos() & QOS_BITS) | (message.retained() ? RETAINED : 0) | (inline ? 0 : ASIDE));
		slab[at + 1] = (byte) (length >>> 8);
		slab[at + 2] = (byte) length;
		LONG.set(slab, at + 3, message.timestamp());
		System.arraycopy(payload, 0, slab, at + ENTRY, length);
		HistoryPages.setUsed(slab, base, used + ENTRY + length);
		if (!inline) {
			keepAside(message.hasProperties() ? message : payload);
		}
		size++;
		bytes += ENTRY + length;
	}

	/** Drops the oldest message and returns what it cost in the budget. */
	long dropFirst() {
		int page = pages[head];
		byte[] slab = memory.slab(page);
		int base = HistoryPages.offset(page);
		int at = base + readOffset;
		int length = length(slab, at);
		long cost;
		if ((slab[at] & ASIDE) != 0) {
			Object item = aside[asideHead];
			aside[asideHead] = null;
			asideHead = (asideHead + 1) % aside.length;
			asideCount--;
			cost = item instanceof TopicMessage message ? message.cost() : TopicMessage.cost((byte[]) item);
		} else {
			cost = (long) length + TopicMessage.OVERHEAD_BYTES;
		}
		readOffset += ENTRY + length;
		size--;
		bytes -= ENTRY + length;
		if (readOffset >= HistoryPages.used(slab, base)) {
			memory.free(page);
			head = (head + 1) % pages.length;
			pageCount--;
			readOffset = HistoryPages.HEADER;
		}
		return cost;
	}

	/** The message {@code index} places from the oldest. */
	TopicMessage get(int index) {
		if (index < 0 || index >= size) {
			throw new IndexOutOfBoundsException(index);
		}
		List<TopicMessage> one = new ArrayList<>(1);
		read(index, 1, one);
		return one.get(0);
	}

	List<TopicMessage> toList() {
		List<TopicMessage> list = new ArrayList<>(size);
		read(0, size, list);
		return list;
	}

	/** Forgets every message without giving its pages back, and takes new ones from {@code fresh} from now on. */
	void clear(HistoryPages fresh) {
		memory = fresh;
		pages = NO_PAGES;
		head = 0;
		pageCount = 0;
		readOffset = 0;
		size = 0;
		bytes = 0;
		aside = NOTHING_ASIDE;
		asideHead = 0;
		asideCount = 0;
	}

	/** Adds {@code count} messages to {@code into}, from the one {@code first} places from the oldest. */
	private void read(int first, int count, List<TopicMessage> into) {
		int index = 0;
		int asideIndex = 0;
		int offset = readOffset;
		for (int p = 0; p < pageCount && index < first + count; p++, offset = HistoryPages.HEADER) {
			int page = pages[(head + p) % pages.length];
			byte[] slab = memory.slab(page);
			int base = HistoryPages.offset(page);
			int end = base + HistoryPages.used(slab, base);
			for (int at = base + offset; at < end && index < first + count; index++) {
				int flags = slab[at];
				int length = length(slab, at);
				if (index >= first) {
					into.add(message(slab, at, flags, length, (flags & ASIDE) != 0 ? aside(asideIndex) : null));
				}
				if ((flags & ASIDE) != 0) {
					asideIndex++;
				}
				at += ENTRY + length;
			}
		}
	}

	private static TopicMessage message(byte[] slab, int at, int flags, int length, Object kept) {
		if (kept instanceof TopicMessage message) {
			return message;
		}
		byte[] payload = kept != null ? (byte[]) kept : Arrays.copyOfRange(slab, at + ENTRY, at + ENTRY + length);
		return TopicMessage.of(payload, flags & QOS_BITS, (flags & RETAINED) != 0, (long) LONG.get(slab, at + 3));
	}

	/**
	 * Appends a page for an entry of {@code need} bytes, about half as large as what the history holds: a long history
	 * lives in few large pages, a short one in a small page.
	 */
	private int newPage(int need) {
		long size = Math.max(need + HistoryPages.HEADER, bytes / 2);
		int page = memory.allocate((int) Math.min(HistoryPages.MAX_PAGE, size));
		if (pageCount == pages.length) {
			pages = unwrap(pages, head, pageCount, new int[Math.max(4, pages.length * 2)]);
			head = 0;
		}
		pages[(head + pageCount) % pages.length] = page;
		if (pageCount == 0) {
			readOffset = HistoryPages.HEADER;
		}
		pageCount++;
		return page;
	}

	private void keepAside(Object item) {
		if (asideCount == aside.length) {
			aside = unwrap(aside, asideHead, asideCount, new Object[Math.max(4, aside.length * 2)]);
			asideHead = 0;
		}
		aside[(asideHead + asideCount) % aside.length] = item;
		asideCount++;
	}

	private Object aside(int index) {
		return aside[(asideHead + index) % aside.length];
	}

	/** Copies a ring's {@code count} items (an int[] or Object[]), oldest at {@code head}, to the start of {@code to}. */
	private static <A> A unwrap(A ring, int head, int count, A to) {
		int first = Math.min(count, Array.getLength(ring) - head);
		System.arraycopy(ring, head, to, 0, first);
		System.arraycopy(ring, 0, to, first, count - first);
		return to;
	}

	private static int length(byte[] slab, int at) {
		return ((slab[at + 1] & 0xFF) << 8) | (slab[at + 2] & 0xFF);
	}
}
