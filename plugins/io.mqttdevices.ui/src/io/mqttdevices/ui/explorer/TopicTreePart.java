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

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.mqttdevices.core.explorer.PayloadFormat;
import io.mqttdevices.core.explorer.TopicMessage;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.internal.Messages;

/**
 * The topic tree on screen: a virtual SWT tree over a {@link TopicTree}, refreshed from the UI thread at most every
 * {@value #REFRESH_MS} ms and only where something changed, however fast messages arrive. Only widgets, no I/O.
 */
public final class TopicTreePart {

	public static final int REFRESH_MS = 250;
	/** How often the Age column of the rows on screen is brought up to date while no message arrives. */
	public static final int AGE_REFRESH_MS = 1000;
	private static final int AGE_COLUMN = 4;
	private static final int PREVIEW_CHARS = 80;

	private final TreeViewer viewer;
	private final LazyTopicContent content;
	private TopicTree model;
	private long seenGeneration = -1;
	private boolean paused;
	private Function<String, String> owners = topic -> null;
	private long refreshes;
	private long slowestRefreshNs;
	private final Runnable tick = this::tick;
	/** Row data read once per refresh period: every column of a row from one lock. */
	private final Map<TopicNode, TopicNode.Summary> summaries = new HashMap<>();
	private boolean scrolled;
	private long lastAgeRefresh;

	public TopicTreePart(Composite parent) {
		viewer = new TreeViewer(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		viewer.setUseHashlookup(true);
		content = new LazyTopicContent(viewer);
		viewer.setContentProvider(content);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		column(Messages.TopicExplorer_columnTopic, 260, this::topicLabel);
		column(Messages.TopicExplorer_columnMessages, 80, n -> String.valueOf(summary(n).totalCount()));
		column(Messages.TopicExplorer_columnValue, 260, n -> {
			TopicMessage last = summary(n).last();
			return last == null ? "" : PayloadFormat.preview(last.payload(), PREVIEW_CHARS); //$NON-NLS-1$
		});
		column(Messages.TopicExplorer_columnRetained, 70, n -> {
			TopicMessage last = summary(n).last();
			return last != null && last.retained() ? Messages.TopicExplorer_retained : ""; //$NON-NLS-1$
		}).setToolTipText(Messages.TopicExplorer_columnRetainedTooltip);
		column(Messages.TopicExplorer_columnAge, 70, n -> {
			TopicMessage last = summary(n).last();
			return last == null ? "" : Ages.since(last.timestamp(), System.currentTimeMillis()); //$NON-NLS-1$
		});
		// rows scrolled into view get their labels at the next refresh, not only when they change again
		if (tree.getVerticalBar() != null) {
			tree.getVerticalBar().addListener(SWT.Selection, e -> scrolled = true);
		}
		tree.addListener(SWT.Expand, e -> scrolled = true);
		tree.getDisplay().timerExec(REFRESH_MS, tick);
		tree.addDisposeListener(e -> e.display.timerExec(-1, tick));
	}

	public TreeViewer viewer() {
		return viewer;
	}

	/** Shows this model (null: nothing). */
	public void setModel(TopicTree tree) {
		model = tree;
		seenGeneration = -1;
		content.invalidate();
		viewer.setInput(tree == null ? null : tree.root());
		if (tree != null) {
			viewer.setChildCount(tree.root(), content.children(tree.root()).size());
		}
	}

	public TopicTree model() {
		return model;
	}

	public void setPaused(boolean pause) {
		paused = pause;
		if (!pause) {
			refresh();
		}
	}

	public boolean isPaused() {
		return paused;
	}

	public void setFilter(String text) {
		content.setFilter(text);
		if (model != null) {
			viewer.getTree().setRedraw(false);
			try {
				setModel(model);
				if (content.isFiltering()) {
					viewer.expandToLevel(3);
				}
			} finally {
				viewer.getTree().setRedraw(true);
			}
		}
	}

	/** Names the project a topic belongs to, or null; shown beside the topic. */
	public void setOwners(Function<String, String> topicToProject) {
		owners = topicToProject;
		viewer.refresh();
	}

	/** What the user opened and picked in a model: its expanded rows (parents first) and the selected topic. */
	public record Shown(Object[] expanded, TopicNode selected) {
	}

	/** The expanded rows and selection of the model on screen, to give back with {@link #show(Shown)}. */
	public Shown shown() {
		return new Shown(viewer.getExpandedElements(), selection());
	}

	/** Expands these rows again and selects that topic (after {@link #setModel} with the same model). */
	public void show(Shown shown) {
		for (Object node : shown.expanded()) {
			viewer.setExpandedState(node, true);
		}
		if (shown.selected() != null) {
			viewer.reveal(shown.selected());
			viewer.setSelection(new StructuredSelection(shown.selected()), true);
		}
	}

	public TopicNode selection() {
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof TopicNode node ? node : null;
	}

	/** How many refreshes ran and the slowest one, for the benchmark. */
	public long refreshes() {
		return refreshes;
	}

	public long slowestRefreshNanos() {
		return slowestRefreshNs;
	}

	/** Brings the rows on screen up to date with the model now, if it changed. */
	public void refresh() {
		if (model == null || viewer.getTree().isDisposed()) {
			return;
		}
		long generation = model.generation();
		if (generation == seenGeneration && !scrolled) {
			return;
		}
		long start = System.nanoTime();
		long since = scrolled ? -1 : seenGeneration;
		scrolled = false;
		content.invalidate();
		summaries.clear();
		TopicNode root = model.root();
		List<TopicNode> top = content.children(root);
		Tree tree = viewer.getTree();
		if (tree.getItemCount() != top.size()) {
			viewer.setChildCount(root, top.size());
		}
		// the widgets are walked and updated without the model's lock, which is held only to read what the rows
		// show: a refresh never holds up the client thread for the time the widgets take
		List<VisibleRows.Row> rows = VisibleRows.of(tree, root);
		Map<TopicNode, List<TopicNode>> kidsOf = new HashMap<>();
		Map<TopicNode, Integer> childCounts = new HashMap<>();
		Map<TopicNode, Long> changed = new HashMap<>();
		kidsOf.put(root, top);
		model.readLocked(() -> {
			for (VisibleRows.Row row : rows) {
				List<TopicNode> kids = kidsOf.computeIfAbsent(row.parent(), content::children);
				if (row.index() < kids.size()) {
					TopicNode kid = kids.get(row.index());
					childCounts.put(kid, content.children(kid).size());
					if (row.onScreen()) {
						summaries.put(kid, kid.summary());
						changed.put(kid, kid.changedGeneration());
					}
				}
			}
		});
		Set<TreeItem> replaced = new HashSet<>();
		for (VisibleRows.Row row : rows) {
			TreeItem item = row.item();
			if (item.isDisposed() || row.parentItem() != null && replaced.contains(row.parentItem())) {
				replaced.add(item); // under a row that now shows another topic: the next refresh walks it anew
				continue;
			}
			List<TopicNode> kids = kidsOf.get(row.parent());
			if (row.index() >= kids.size()) {
				replaced.add(item); // a row past the topics there now: trimmed with its parent's child count
				continue;
			}
			TopicNode kid = kids.get(row.index());
			int childCount = childCounts.get(kid);
			if (row.shown() != kid) {
				viewer.replace(row.parent(), row.index(), kid);
				viewer.setChildCount(kid, childCount);
				replaced.add(item);
				continue;
			}
			if (row.onScreen() && changed.get(kid) > since) {
				viewer.update(kid, null);
			}
			if (item.getItemCount() != childCount) {
				viewer.setChildCount(kid, childCount);
			}
		}
		seenGeneration = generation;
		refreshes++;
		slowestRefreshNs = Math.max(slowestRefreshNs, System.nanoTime() - start);
	}

	/**
	 * Rewrites the Age cell of the rows on screen, when the tree can be seen (its view open and on top): ages move
	 * on while no message arrives, which the refresh above, driven by changes, does not notice.
	 */
	private void refreshAges(long now) {
		Tree tree = viewer.getTree();
		if (model == null || !tree.isVisible()) {
			return;
		}
		List<VisibleRows.Row> rows = VisibleRows.of(tree, model.root());
		Map<TopicNode, TopicMessage> last = new HashMap<>();
		model.readLocked(() -> {
			for (VisibleRows.Row row : rows) {
				if (row.onScreen()) {
					last.put(row.shown(), row.shown().lastMessage());
				}
			}
		});
		for (VisibleRows.Row row : rows) {
			TreeItem item = row.item();
			if (!row.onScreen() || item.isDisposed() || item.getData() != row.shown()) {
				continue;
			}
			TopicMessage message = last.get(row.shown());
			String age = message == null ? "" : Ages.since(message.timestamp(), now); //$NON-NLS-1$
			if (!age.equals(item.getText(AGE_COLUMN))) {
				item.setText(AGE_COLUMN, age);
			}
		}
	}

	private TopicNode.Summary summary(TopicNode node) {
		return summaries.computeIfAbsent(node, TopicNode::summary);
	}

	private void tick() {
		if (viewer.getTree().isDisposed()) {
			return;
		}
		if (!paused) {
			refresh();
			long now = System.currentTimeMillis();
			if (now - lastAgeRefresh >= AGE_REFRESH_MS) {
				lastAgeRefresh = now;
				refreshAges(now);
			}
		}
		viewer.getTree().getDisplay().timerExec(REFRESH_MS, tick);
	}

	private String topicLabel(TopicNode node) {
		String name = node.name().isEmpty() ? Messages.TopicExplorer_emptyLevel : node.name();
		String owner = node.topic() == null ? null : owners.apply(node.topic());
		return owner == null ? name : name + "  [" + owner + ']'; //$NON-NLS-1$
	}

	private TreeColumn column(String title, int width, Function<TopicNode, String> text) {
		TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return element instanceof TopicNode node ? text.apply(node) : ""; //$NON-NLS-1$
			}

			/**
			 * Only the text, and only when it changed: the rows carry no image, font or colour, and each cell the
			 * widget is told of costs it a row change (a message changes the count, seldom the topic or the flag).
			 */
			@Override
			public void update(ViewerCell cell) {
				String label = getText(cell.getElement());
				if (!label.equals(cell.getText())) {
					cell.setText(label);
				}
			}
		});
		return column.getColumn();
	}
}
