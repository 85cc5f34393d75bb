/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.explorer.TopicTreePart;

/**
 * The explorer's real topic tree widget ({@link TopicTreePart}, the one the view shows) in a plain SWT shell,
 * with its first levels expanded, while the flood runs on another thread. A 10 ms timer on the event loop notes
 * how late it fires: the worst lateness is the UI event loop's worst delay while ingesting.
 */
final class UiProbe {

	private static final int TICK_MS = 10;

	private UiProbe() {
	}

	/**
	 * Runs the event loop until {@code work} ends; returns {worst delay ms, refreshes, slowest refresh ms, time to
	 * open the tree ms, 99th percentile delay ms, CPU time of the UI thread ms}. Delays count from the moment the tree
	 * is open.
	 */
	static long[] run(TopicTree model, Runnable work) {
		Display display = new Display();
		Shell shell = new Shell(display);
		shell.setLayout(new GridLayout(1, false));
		shell.setSize(1000, 800);
		TopicTreePart part = new TopicTreePart(shell);
		part.setModel(model);
		shell.open();
		AtomicBoolean done = new AtomicBoolean();
		Thread worker = new Thread(() -> {
			try {
				work.run();
			} finally {
				done.set(true);
				display.wake();
			}
		});
		long[] worst = { 0 };
		long[] setup = { 0 };
		java.util.List<Long> late = new java.util.ArrayList<>();
		long[] expected = { System.nanoTime() + TICK_MS * 1_000_000L };
		boolean[] expanded = { false };
		Runnable tick = new Runnable() {
			@Override
			public void run() {
				long now = System.nanoTime();
				if (expanded[0]) {
					worst[0] = Math.max(worst[0], now - expected[0]);
				}
				if (!expanded[0] && model.root().childCount() > 0) {
					// opening the tree is the user's click, not ingestion: its time is reported apart
					long start = System.nanoTime();
					expand(part, model);
					setup[0] = System.nanoTime() - start;
					expanded[0] = true;
				} else if (expanded[0]) {
					late.add(now - expected[0]);
				}
				expected[0] = System.nanoTime() + TICK_MS * 1_000_000L;
				display.timerExec(TICK_MS, this);
			}
		};
		display.timerExec(TICK_MS, tick);
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		worker.start();
		while (!done.get()) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
		late.sort(null);
		long p99 = late.isEmpty() ? 0 : late.get((int) (late.size() * 0.99));
		long[] result = { worst[0] / 1_000_000, part.refreshes(), part.slowestRefreshNanos() / 1_000_000,
				setup[0] / 1_000_000, p99 / 1_000_000, (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000 };
		display.dispose();
		return result;
	}

	/** Opens the first level and the first ten nodes below it, as someone watching would. */
	private static void expand(TopicTreePart part, TopicTree model) {
		part.refresh();
		for (TopicNode top : model.root().children()) {
			part.viewer().setExpandedState(top, true);
			int n = 0;
			for (TopicNode child : top.children()) {
				if (n++ == 10) {
					break;
				}
				part.viewer().setExpandedState(child, true);
			}
		}
	}
}
