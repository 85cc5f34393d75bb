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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The histories' page allocator alone (in the core's package: the fragment shares its class loader): pages never
 * overlap, and freed halves join again so that memory freed at one size serves another.
 */
class HistoryPagesTest {

	private static final int FIRST_SLAB = 64 * 1024;

	@Test
	void freedSmallPagesJoinIntoWholeBlocksAgain() {
		HistoryPages pages = new HistoryPages();
		List<Integer> small = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			small.add(pages.allocate(HistoryPages.MIN_PAGE));
		}
		assertEquals(HistoryPages.MAX_PAGE, pages.pageBytes(), "64 pages of 64 bytes: one 4 KB block");
		Collections.shuffle(small, new Random(3));
		small.forEach(pages::free);
		assertEquals(0, pages.pageBytes());
		// the first slab has room for 16 blocks: only if the 64 pieces joined into their block again do 16 fit
		for (int i = 0; i < FIRST_SLAB / HistoryPages.MAX_PAGE; i++) {
			pages.allocate(HistoryPages.MAX_PAGE);
		}
		assertEquals(FIRST_SLAB, pages.slabBytes());
		pages.allocate(HistoryPages.MAX_PAGE);
		assertTrue(pages.slabBytes() > FIRST_SLAB, "a 17th block needs a second slab");
	}

	@Test
	void pagesOfEverySizeNeverOverlapThroughAllocationAndFreeing() {
		HistoryPages pages = new HistoryPages();
		Random random = new Random(11);
		Map<Integer, Byte> live = new HashMap<>();
		for (int round = 0; round < 20_000; round++) {
			if (live.isEmpty() || random.nextInt(3) > 0) {
				int page = pages.allocate(HistoryPages.HEADER + 1 + random.nextInt(HistoryPages.MAX_PAGE - 4));
				byte mark = (byte) random.nextInt();
				fill(pages, page, mark);
				live.put(page, mark);
			} else {
				Integer page = live.keySet().iterator().next();
				check(pages, page, live.remove(page));
				pages.free(page);
			}
			if (round % 1_000 == 0) {
				live.forEach((page, mark) -> check(pages, page, mark));
			}
		}
		live.forEach((page, mark) -> check(pages, page, mark));
		long inUse = 0;
		for (int page : live.keySet()) {
			inUse += pages.capacity(page);
		}
		assertEquals(inUse, pages.pageBytes());
		// rounding to the size classes at most doubles a request, and the buddies join: the slabs stay near it
		assertTrue(pages.slabBytes() <= 4 * inUse + 2 * FIRST_SLAB, pages.slabBytes() + " bytes for " + inUse);
	}

	@Test
	void aPageStartsEmptyWithItsCapacity() {
		HistoryPages pages = new HistoryPages();
		int page = pages.allocate(100);
		assertEquals(128, pages.capacity(page));
		assertEquals(HistoryPages.HEADER, HistoryPages.used(pages.slab(page), HistoryPages.offset(page)));
		assertEquals(128, pages.pageBytes());
		assertEquals(FIRST_SLAB, pages.slabBytes());
	}

	/** Writes the mark over every byte of the page after its header. */
	private static void fill(HistoryPages pages, int page, byte mark) {
		byte[] slab = pages.slab(page);
		int base = HistoryPages.offset(page);
		for (int i = HistoryPages.HEADER; i < pages.capacity(page); i++) {
			slab[base + i] = mark;
		}
	}

	private static void check(HistoryPages pages, int page, byte mark) {
		byte[] slab = pages.slab(page);
		int base = HistoryPages.offset(page);
		for (int i = HistoryPages.HEADER; i < pages.capacity(page); i++) {
			if (slab[base + i] != mark) {
				throw new AssertionError("page " + page + " was written over at byte " + i);
			}
		}
	}
}
