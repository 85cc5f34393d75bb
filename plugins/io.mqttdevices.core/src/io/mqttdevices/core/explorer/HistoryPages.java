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
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory the histories of one {@link TopicTree} keep their messages in: pages of 64 to 4,096 bytes cut from a few
 * large byte arrays (slabs), handed to a topic's {@link MessageRing} and taken back when its oldest messages go.
 * <p>
 * Why not an object per message: while a flood lasts, every kept message is young, and each young collection copies
 * all of them, again and again until they are old (measured in the explorer benchmark: pauses of 38-111 ms with
 * 13-55 MB surviving; 25-44 ms since, besides the first, which copies the new topics' nodes). A slab of
 * {@value #MAX_SLAB_BYTES} bytes is a humongous object for G1 with heap regions up to 8 MB (heaps up to 16 GB),
 * which it places in the old generation at once and never copies, and it holds no references the collector would
 * have to trace.
 * <p>
 * A page id is its slab's index and its offset in 64-byte units. Each page starts with a header: its size class and
 * how many of its bytes are written. Pages are cut from 4 KB blocks by halving and joined again when both halves are
 * free (a buddy system), so pages freed at one size serve requests of another; slabs stay as long as the pages, so
 * the memory held is the most the histories ever needed at once (a cleared tree starts new pages). Not thread-safe:
 * the tree's lock guards it.
 */
final class HistoryPages {

	static final int MIN_PAGE = 64;
	static final int MAX_PAGE = 4096;
	/** Size class with the free flag (1 byte), unused (1), bytes written including this header (2). */
	static final int HEADER = 4;
	private static final int UNIT_SHIFT = 6;
	private static final int LARGEST = 6; // classes 0..6: 64 << class bytes
	private static final int FREE = 0x80;
	private static final int NONE = -1;
	private static final int FIRST_SLAB_BYTES = 64 * 1024;
	/** 4 MiB less room for the array's header, so that the array fills whole regions. */
	static final int MAX_SLAB_BYTES = (4 << 20) - 64;

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private final List<byte[]> slabs = new ArrayList<>();
	private int bump;
	/** Per size class, the first free page; free pages link to each other through their headers. */
	private final int[] freeHead = new int[LARGEST + 1];
	private long pageBytes;

	HistoryPages() {
		Arrays.fill(freeHead, NONE);
	}

	/**
	 * A page of at least {@code bytes} (header included, at most {@value #MAX_PAGE}), with nothing written yet: a free
	 * page of that size, else half of a larger free page split in two (a buddy system), else a new one.
	 */
	int allocate(int bytes) {
		int sizeClass = classFor(bytes);
		int from = sizeClass;
		while (from <= LARGEST && freeHead[from] == NONE) {
			from++;
		}
		int page;
		if (from > LARGEST) {
			page = carve();
			from = LARGEST;
		} else {
			page = freeHead[from];
			unlink(page, from);
		}
		while (from > sizeClass) {
			from--;
			link(page + (1 << from), from); // the upper half waits for another page of its size
		}
		byte[] slab = slab(page);
		int base = offset(page);
		slab[base] = (byte) sizeClass;
		setUsed(slab, base, HEADER);
		pageBytes += MIN_PAGE << sizeClass;
		return page;
	}

	/** Takes a page back, joined with its free buddy into a page twice the size as long as there is one. */
	void free(int page) {
		int sizeClass = slab(page)[offset(page)];
		pageBytes -= MIN_PAGE << sizeClass;
		while (sizeClass < LARGEST) {
			int buddy = page ^ (1 << sizeClass);
			byte header = slab(buddy)[offset(buddy)];
			if (header != (byte) (FREE | sizeClass)) {
				break;
			}
			unlink(buddy, sizeClass);
			page = Math.min(page, buddy);
			sizeClass++;
		}
		link(page, sizeClass);
	}

	byte[] slab(int page) {
		return slabs.get(page >>> 16);
	}

	/** Where the page starts in its slab. */
	static int offset(int page) {
		return (page & 0xFFFF) << UNIT_SHIFT;
	}

	/** The page's size in bytes, header included. */
	int capacity(int page) {
		return MIN_PAGE << slab(page)[offset(page)];
	}

	/** Bytes written in the page, header included: where the next entry goes. */
	static int used(byte[] slab, int base) {
		return ((slab[base + 2] & 0xFF) << 8) | (slab[base + 3] & 0xFF);
	}

	static void setUsed(byte[] slab, int base, int used) {
		slab[base + 2] = (byte) (used >>> 8);
		slab[base + 3] = (byte) used;
	}

	/** Bytes in pages handed out now. */
	long pageBytes() {
		return pageBytes;
	}

	/** Bytes in slabs: what the histories hold of the heap. */
	long slabBytes() {
		long total = 0;
		for (byte[] slab : slabs) {
			total += slab.length;
		}
		return total;
	}

	private static int classFor(int bytes) {
		if (bytes > MAX_PAGE) {
			throw new IllegalArgumentException("A page holds at most " + MAX_PAGE + " bytes: " + bytes); //$NON-NLS-1$ //$NON-NLS-2$
		}
		int sizeClass = 0;
		while (MIN_PAGE << sizeClass < bytes) {
			sizeClass++;
		}
		return sizeClass;
	}

	/** A new page of the largest size, from the newest slab or a new one (each twice the last, up to the largest). */
	private int carve() {
		if (slabs.isEmpty() || bump + MAX_PAGE > slabs.get(slabs.size() - 1).length) {
			int length = slabs.isEmpty() ? FIRST_SLAB_BYTES
					: (int) Math.min(MAX_SLAB_BYTES, 2L * slabs.get(slabs.size() - 1).length);
			slabs.add(new byte[length]);
			bump = 0;
		}
		int page = ((slabs.size() - 1) << 16) | (bump >>> UNIT_SHIFT);
		bump += MAX_PAGE;
		return page;
	}

	/** Marks a page free and puts it first in its size's list: its header holds the links (previous, next). */
	private void link(int page, int sizeClass) {
		byte[] slab = slab(page);
		int base = offset(page);
		slab[base] = (byte) (FREE | sizeClass);
		INT.set(slab, base + 4, NONE);
		INT.set(slab, base + 8, freeHead[sizeClass]);
		if (freeHead[sizeClass] != NONE) {
			INT.set(slab(freeHead[sizeClass]), offset(freeHead[sizeClass]) + 4, page);
		}
		freeHead[sizeClass] = page;
	}

	private void unlink(int page, int sizeClass) {
		byte[] slab = slab(page);
		int base = offset(page);
		int previous = (int) INT.get(slab, base + 4);
		int next = (int) INT.get(slab, base + 8);
		if (previous == NONE) {
			freeHead[sizeClass] = next;
		} else {
			INT.set(slab(previous), offset(previous) + 8, next);
		}
		if (next != NONE) {
			INT.set(slab(next), offset(next) + 4, previous);
		}
		slab[base] = (byte) sizeClass;
	}
}
