/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.tests.fixtures.SimulatedBoard;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;
import io.mqttdevices.ui.repl.BoardReplView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.UiWait;

/**
 * Not a test: the REPL benchmark, run by {@code benchmarks/run repl} (its name keeps it out of test runs). The
 * unthrottled simulated board prints numbered lines as fast as it can into the real Board REPL view for
 * {@value #SECONDS} s, while a {@value #BEAT_MS} ms timer on the UI thread measures the event loop's worst delay.
 * Writes {@code key=value} figures to the file named by {@value #OUT_PROPERTY}; nothing is asserted.
 */
class ReplBenchmark {

	static final String OUT_PROPERTY = "mqttdevices.benchmark.out"; //$NON-NLS-1$
	private static final int SECONDS = 10;
	private static final int BEAT_MS = 10;
	/** Each printed line: 8 digits, a space, 60 x, CR LF. */
	private static final int LINE_BYTES = 8 + 1 + 60 + 2;
	private static final long SAMPLE_NS = 100_000_000L;
	/** 100,000 numbered lines (7.1 MB) per command; n counts on across commands. */
	private static final String PRINT_LINES = "for i in range(100000): n += 1; print('%08d' % n, 'x' * 60)\r\r"; //$NON-NLS-1$
	private static final Pattern COUNTER = Pattern.compile("^(\\d{8}) x{60}$"); //$NON-NLS-1$

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create();

	private long lastBeat;
	private long worstGap;
	private long worstRawGap;
	/** UI-thread time the harness itself spent since the last heartbeat, left out of the gaps. */
	private long harnessSinceBeat;
	private final List<Long> gaps = new ArrayList<>();
	private boolean beating;

	@Test
	void chattyBoardIntoTheView() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(MqttDevicesPerspective.ID, workbench.window());
		BoardReplView view = (BoardReplView) page.showView(BoardReplView.ID);
		view.setPort(board.path(), 115200);
		view.connect();
		UiWait.until(Duration.ofSeconds(20), "the prompt", () -> view.screenText().contains(">>> "));

		// the board computes a whole command before it prints (the simulator runs synchronously), so it gets the
		// next command as soon as its prompt is back: it keeps printing for the whole measured time
		type(view, "n = 0\r");
		type(view, PRINT_LINES);
		UiWait.until(Duration.ofSeconds(60), "the first line", () -> lastCounter(view) > 0);

		Display display = Display.getCurrent();
		long first = lastCounter(view);
		long start = System.nanoTime();
		long end = start + SECONDS * 1_000_000_000L;
		startHeartbeat(display);
		long nextSample = start;
		long last = first;
		long harnessWorst = 0;
		int commands = 1;
		while (System.nanoTime() < end) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
			if (System.nanoTime() >= nextSample) {
				nextSample += SAMPLE_NS;
				long sampleStart = System.nanoTime();
				List<String> lines = view.screenText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
				last = Math.max(last, lastCounter(lines));
				if (!lines.isEmpty() && lines.get(lines.size() - 1).equals(">>>")) {
					type(view, PRINT_LINES);
					commands++;
				}
				long spent = System.nanoTime() - sampleStart;
				harnessSinceBeat += spent;
				harnessWorst = Math.max(harnessWorst, spent);
			}
		}
		beating = false;
		double seconds = (System.nanoTime() - start) / 1e9;
		long bytes = (last - first) * LINE_BYTES;
		List<Long> sorted = gaps.stream().sorted().toList();
		long p99 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() * 99 / 100);
		String figures = String.format("repl.bytes_per_s=%d%nrepl.lines_shown=%d%nrepl.seconds=%.2f%n" //$NON-NLS-1$
				+ "repl.commands=%d%nrepl.ui_max_delay_ms=%d%nrepl.ui_p99_delay_ms=%d%nrepl.ui_delays_over_50ms=%d%n" //$NON-NLS-1$
				+ "repl.harness_max_ms=%d%nrepl.ui_max_delay_with_harness_ms=%d%n", //$NON-NLS-1$
				Math.round(bytes / seconds), last - first, seconds, commands,
				Math.max(0, worstGap / 1_000_000 - BEAT_MS), Math.max(0, p99 - BEAT_MS),
				sorted.stream().filter(g -> g - BEAT_MS > 50).count(), harnessWorst / 1_000_000,
				Math.max(0, worstRawGap / 1_000_000 - BEAT_MS));
		view.disconnect();
		page.hideView(view);
		UiWait.drain();
		String out = System.getProperty(OUT_PROPERTY);
		if (out != null) {
			Files.writeString(Path.of(out), figures, StandardCharsets.UTF_8);
		}
		System.out.print(figures);
	}

	private void startHeartbeat(Display display) {
		beating = true;
		lastBeat = System.nanoTime();
		display.timerExec(BEAT_MS, new Runnable() {
			@Override
			public void run() {
				long now = System.nanoTime();
				long raw = now - lastBeat;
				long gap = Math.max(0, raw - harnessSinceBeat);
				harnessSinceBeat = 0;
				worstRawGap = Math.max(worstRawGap, raw);
				worstGap = Math.max(worstGap, gap);
				gaps.add(gap / 1_000_000);
				lastBeat = now;
				if (beating) {
					display.timerExec(BEAT_MS, this);
				}
			}
		});
	}

	/** The highest line number on the screen, 0 when none shows yet. */
	private static long lastCounter(BoardReplView view) {
		return lastCounter(view.screenText().lines().toList());
	}

	private static long lastCounter(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			Matcher matcher = COUNTER.matcher(lines.get(i).strip());
			if (matcher.matches()) {
				return Long.parseLong(matcher.group(1));
			}
		}
		return 0;
	}

	private static void type(BoardReplView view, String keys) {
		for (char key : keys.toCharArray()) {
			view.terminal().sendKey(key);
		}
	}
}
