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

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.mqttdevices.core.explorer.LineDiff;
import io.mqttdevices.core.explorer.PayloadFormat;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.ui.internal.Messages;

/**
 * The selected topic in full: the whole payload (JSON pretty-printed, hex for binary; a huge one shows its first
 * {@value #LAZY_CHARS} characters and its size until asked for the rest), its properties, its kept history, the
 * diff against the previous message and a live chart of its numbers.
 */
final class DetailPane {

	static final int LAZY_CHARS = 256 * 1024;
	/** Longer lines are broken for display. */
	static final int DISPLAY_LINE_CHARS = 2000;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS") //$NON-NLS-1$
			.withZone(ZoneId.systemDefault());

	private final Composite control;
	private final Label topic;
	private final Label info;
	private final Link showAll;
	private final StyledText payload;
	private final Table history;
	private final StyledText diff;
	private final ChartTab chart;
	private final CTabFolder tabs;
	private TopicNode node;
	private int chartSeries;
	private long shownGeneration = -1;
	private List<TopicMessage> rows = List.of();
	private String fullText = ""; //$NON-NLS-1$

	DetailPane(Composite parent) {
		control = new Composite(parent, SWT.NONE);
		control.setLayout(new GridLayout(1, false));
		topic = new Label(control, SWT.WRAP);
		topic.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		info = new Label(control, SWT.WRAP);
		info.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		showAll = new Link(control, SWT.NONE);
		showAll.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		showAll.addListener(SWT.Selection, e -> showWholePayload());
		tabs = new CTabFolder(control, SWT.BORDER | SWT.BOTTOM);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		payload = text(tab(Messages.TopicExplorer_tabPayload));
		history = new Table(tabs, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
		history.setHeaderVisible(true);
		for (String title : new String[] { Messages.TopicExplorer_historyTime, Messages.TopicExplorer_historyQos,
				Messages.TopicExplorer_columnRetained, Messages.TopicExplorer_historySize,
				Messages.TopicExplorer_tabPayload }) {
			TableColumn column = new TableColumn(history, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.TopicExplorer_tabPayload) ? 400 : 90);
		}
		history.addListener(SWT.SetData, e -> fillRow((TableItem) e.item, e.index));
		tab(Messages.TopicExplorer_tabHistory).setControl(history);
		diff = text(tab(Messages.TopicExplorer_tabDiff));
		CTabItem chartTab = tab(Messages.TopicExplorer_tabChart);
		chart = new ChartTab(tabs);
		chartTab.setControl(chart.control());
		tabs.setSelection(0);
		tabs.addListener(SWT.Selection, e -> show(node, true));
		setVisible(showAll, false);
	}

	Composite control() {
		return control;
	}

	TopicNode node() {
		return node;
	}

	/** Text of the payload tab as shown now (for copy and the tests). */
	String payloadText() {
		return payload.getText();
	}

	String infoText() {
		return info.getText();
	}

	String diffText() {
		return diff.getText();
	}

	int historyRows() {
		return history.getItemCount();
	}

	/** The Chart tab's chart. */
	org.eclipse.swtchart.Chart chartControl() {
		return chart.control();
	}

	/** How many series the chart drew last time it was shown. */
	int chartSeries() {
		return chartSeries;
	}

	/** Shows the node; unless forced, only redraws when the topic got a message since last time. */
	void show(TopicNode shown, boolean force) {
		boolean same = shown == node;
		node = shown;
		if (shown == null) {
			topic.setText(""); //$NON-NLS-1$
			info.setText(""); //$NON-NLS-1$
			payload.setText(""); //$NON-NLS-1$
			history.setItemCount(0);
			diff.setText(""); //$NON-NLS-1$
			return;
		}
		long generation = shown.changedGeneration();
		if (same && !force && generation == shownGeneration) {
			return;
		}
		shownGeneration = generation;
		topic.setText(shown.topic() == null ? "" : shown.topic()); //$NON-NLS-1$
		TopicMessage last = shown.lastMessage();
		if (last == null) {
			info.setText(NLS.bind(Messages.TopicExplorer_subtree, shown.totalCount()));
			payload.setText(""); //$NON-NLS-1$
			history.setItemCount(0);
			diff.setText(""); //$NON-NLS-1$
			control.layout(true, true);
			return;
		}
		info.setText(describe(shown, last));
		if (!same || last != lastShown) {
			lastShown = last;
			showPayload(last);
		}
		int selected = tabs.getSelectionIndex();
		if (selected == 1 || selected == 2 || selected == 3) {
			rows = shown.history();
		}
		if (selected == 1) {
			history.setItemCount(0);
			history.setItemCount(rows.size());
		} else if (selected == 2) {
			showDiff(shown.previousMessage(), last);
		} else if (selected == 3) {
			chartSeries = chart.show(rows);
		}
		control.layout(true, true);
	}

	private TopicMessage lastShown;

	/**
	 * Puts the whole payload on screen (after its start was shown with its size). Lines longer than
	 * {@value #DISPLAY_LINE_CHARS} characters are broken for display, where a note says so: a text widget draws a
	 * megabyte-long line as overlapping glyphs. Copy Payload copies the payload as it came.
	 */
	void showWholePayload() {
		String shown = breakLongLines(fullText, DISPLAY_LINE_CHARS);
		payload.setText(shown);
		showLongLinesNote(shown.length() != fullText.length());
		control.layout(true, true);
	}

	/** Under the link's place: that long lines were broken for display, or nothing. */
	private void showLongLinesNote(boolean broken) {
		if (broken) {
			showAll.setText(NLS.bind(Messages.TopicExplorer_longLinesBroken, DISPLAY_LINE_CHARS));
		}
		setVisible(showAll, broken);
	}

	/** The text with a line break after every {@code width} characters of a longer line. */
	static String breakLongLines(String text, int width) {
		StringBuilder shown = null;
		int lineStart = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				if (i - lineStart > width) {
					if (shown == null) {
						shown = new StringBuilder(text.length() + text.length() / width + 1).append(text, 0, lineStart);
					}
					for (int at = lineStart; at < i; at += width) {
						shown.append(text, at, Math.min(i, at + width));
						if (at + width < i) {
							shown.append('\n');
						}
					}
				} else if (shown != null) {
					shown.append(text, lineStart, i);
				}
				if (shown != null && i < text.length()) {
					shown.append('\n');
				}
				lineStart = i + 1;
			}
		}
		return shown == null ? text : shown.toString();
	}

	private void showPayload(TopicMessage last) {
		PayloadFormat.Formatted formatted = PayloadFormat.format(last.payload());
		fullText = formatted.text();
		boolean lazy = fullText.length() > LAZY_CHARS;
		String shown = breakLongLines(lazy ? fullText.substring(0, LAZY_CHARS) : fullText, DISPLAY_LINE_CHARS);
		payload.setText(shown);
		if (lazy) {
			showAll.setText(NLS.bind(Messages.TopicExplorer_showAll, last.size()));
			setVisible(showAll, true);
		} else {
			showLongLinesNote(shown.length() != fullText.length());
		}
	}

	private void showDiff(TopicMessage previous, TopicMessage last) {
		if (previous == null) {
			diff.setText(Messages.TopicExplorer_noPrevious);
			return;
		}
		List<LineDiff.Line> lines = LineDiff.diff(PayloadFormat.format(previous.payload()).text(),
				PayloadFormat.format(last.payload()).text());
		StringBuilder text = new StringBuilder();
		List<StyleRange> styles = new ArrayList<>();
		for (LineDiff.Line line : lines) {
			int start = text.length();
			text.append(switch (line.change()) {
			case ADDED -> "+ "; //$NON-NLS-1$
			case REMOVED -> "- "; //$NON-NLS-1$
			case SAME -> "  "; //$NON-NLS-1$
			}).append(line.text()).append('\n');
			if (line.change() != LineDiff.Change.SAME) {
				StyleRange style = new StyleRange();
				style.start = start;
				style.length = text.length() - start;
				style.foreground = diff.getDisplay().getSystemColor(
						line.change() == LineDiff.Change.ADDED ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED);
				styles.add(style);
			}
		}
		diff.setText(text.toString());
		diff.setStyleRanges(styles.toArray(new StyleRange[0]));
	}

	private void fillRow(TableItem item, int index) {
		// newest first
		int i = rows.size() - 1 - index;
		if (i < 0) {
			return;
		}
		TopicMessage m = rows.get(i);
		item.setText(new String[] { TIME.format(Instant.ofEpochMilli(m.timestamp())), String.valueOf(m.qos()),
				m.retained() ? Messages.TopicExplorer_retained : "", String.valueOf(m.size()), //$NON-NLS-1$
				PayloadFormat.preview(m.payload(), 200) });
	}

	private static String describe(TopicNode node, TopicMessage last) {
		StringBuilder s = new StringBuilder(NLS.bind(Messages.TopicExplorer_info, new Object[] { node.messageCount(),
				last.size(), last.qos(), TIME.format(Instant.ofEpochMilli(last.timestamp())) }));
		if (last.retained()) {
			s.append(" · ").append(Messages.TopicExplorer_retained); //$NON-NLS-1$
		}
		if (last.contentType() != null) {
			s.append('\n').append(NLS.bind(Messages.TopicExplorer_contentType, last.contentType()));
		}
		if (last.expirySeconds() != null) {
			s.append('\n').append(NLS.bind(Messages.TopicExplorer_expiry, last.expirySeconds()));
		}
		for (TopicMessage.UserProperty p : last.userProperties()) {
			s.append('\n').append(NLS.bind(Messages.TopicExplorer_userProperty, p.key(), p.value()));
		}
		return s.toString();
	}

	private CTabItem tab(String title) {
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(title);
		return item;
	}

	private StyledText text(CTabItem item) {
		StyledText text = new StyledText(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		text.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
		item.setControl(text);
		return text;
	}

	private static void setVisible(Link link, boolean visible) {
		link.setVisible(visible);
		((GridData) link.getLayoutData()).exclude = !visible;
	}
}
