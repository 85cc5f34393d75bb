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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

import io.mqttdevices.core.explorer.PayloadFormat;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.ui.internal.Messages;

/**
 * A live SWTChart line chart of a topic's numbers over its kept history: a plain number is one series, each number
 * field of a JSON payload is one series, x is seconds before the latest message.
 */
final class ChartTab {

	private final Chart chart;
	private final List<String> shown = new ArrayList<>();

	ChartTab(Composite parent) {
		chart = new Chart(parent, SWT.NONE);
		chart.getTitle().setVisible(false);
		chart.getAxisSet().getXAxis(0).getTitle().setText(Messages.TopicExplorer_chartTime);
		chart.getAxisSet().getYAxis(0).getTitle().setText(Messages.TopicExplorer_chartValue);
	}

	Chart control() {
		return chart;
	}

	/** Redraws from the history; returns how many series it drew (0: no numbers in this topic). */
	int show(List<TopicMessage> history) {
		Map<String, List<double[]>> series = new LinkedHashMap<>();
		long latest = history.isEmpty() ? 0 : history.get(history.size() - 1).timestamp();
		for (TopicMessage m : history) {
			double x = (m.timestamp() - latest) / 1000.0;
			PayloadFormat.numbers(m.payload(),
					(name, value) -> series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] { x, value }));
		}
		for (String old : shown) {
			if (!series.containsKey(old)) {
				chart.getSeriesSet().deleteSeries(old);
			}
		}
		shown.clear();
		int colour = 0;
		for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
			ISeries<?> existing = chart.getSeriesSet().getSeries(e.getKey());
			ILineSeries<?> line = (ILineSeries<?>) (existing != null ? existing
					: chart.getSeriesSet().createSeries(SeriesType.LINE, e.getKey()));
			Color color = chart.getDisplay().getSystemColor(COLOURS[colour++ % COLOURS.length]);
			line.setLineColor(color);
			double[] xs = new double[e.getValue().size()];
			// a line needs two points: a lone reading is drawn as a dot
			line.setSymbolType(xs.length == 1 ? ILineSeries.PlotSymbolType.CIRCLE : ILineSeries.PlotSymbolType.NONE);
			line.setSymbolColor(color);
			double[] ys = new double[xs.length];
			for (int i = 0; i < xs.length; i++) {
				xs[i] = e.getValue().get(i)[0];
				ys[i] = e.getValue().get(i)[1];
			}
			line.setXSeries(xs);
			line.setYSeries(ys);
			shown.add(e.getKey());
		}
		chart.getAxisSet().adjustRange();
		widen(chart.getAxisSet().getXAxis(0));
		widen(chart.getAxisSet().getYAxis(0));
		chart.redraw();
		return shown.size();
	}

	/** Gives a range of one value (one reading, or readings all equal) some width, so its point is inside. */
	private static void widen(IAxis axis) {
		Range range = axis.getRange();
		if (range.upper - range.lower < 1e-9) {
			double pad = Math.max(1, Math.abs(range.lower) * 0.1);
			axis.setRange(new Range(range.lower - pad, range.upper + pad));
		}
	}

	private static final int[] COLOURS = { SWT.COLOR_BLUE, SWT.COLOR_RED, SWT.COLOR_DARK_GREEN, SWT.COLOR_MAGENTA,
			SWT.COLOR_DARK_YELLOW, SWT.COLOR_CYAN };
}
