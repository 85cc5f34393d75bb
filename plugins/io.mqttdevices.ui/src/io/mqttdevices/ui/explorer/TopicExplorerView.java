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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionException;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.TopicNode;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.internal.Messages;

/**
 * The Topic Explorer: every message of every open connection in a lazily drawn topic tree, counts rolled up, the
 * selected topic in full beside it. MQTT callbacks only feed the core model; this view reads it at a bounded rate.
 */
public final class TopicExplorerView extends ViewPart {

	public static final String ID = "io.mqttdevices.ui.explorer.TopicExplorerView"; //$NON-NLS-1$
	/** How long Watch its topics waits for the device's first topic, and how often it looks. */
	private static final long REVEAL_WAIT_MS = 120_000;
	private static final int REVEAL_POLL_MS = 250;

	private Composite root;
	private Combo connections;
	private Label status;
	private Link reconnectNow;
	private ExplorerCommands commands;
	private Text filter;
	private TopicTreePart tree;
	private DetailPane detail;
	private DevicesPart devices;
	private ExplorerActions actions;
	private List<BrokerConnection> shown = List.of();
	private BrokerConnection current;
	/** Each open connection's expanded rows and selection while another one is on screen. */
	private final Map<BrokerConnection, TopicTreePart.Shown> shownBefore = new HashMap<>();
	private final Runnable connectionsChanged = () -> UiAsync.run(connections, this::updateConnections);
	private final BrokerConnection.Listener stateListener = (c, state, message) -> UiAsync.run(status,
			this::updateStatus);

	@Override
	public void createPartControl(Composite parent) {
		root = parent;
		parent.setLayout(new GridLayout(1, false));
		actions = new ExplorerActions(this);
		// the form fields; the actions are commands in the view toolbar, the view menu and the tree's context menu
		Composite fields = new Composite(parent, SWT.NONE);
		fields.setLayout(new GridLayout(4, false));
		fields.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(fields, SWT.NONE).setText(Messages.TopicExplorer_connection);
		connections = new Combo(fields, SWT.READ_ONLY);
		GridData comboData = new GridData(SWT.FILL, SWT.CENTER, false, false);
		comboData.widthHint = 180;
		connections.setLayoutData(comboData);
		connections.addListener(SWT.Selection, e -> select(connections.getSelectionIndex()));
		new Label(fields, SWT.NONE).setText(Messages.TopicExplorer_filter);
		filter = new Text(fields, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
		filter.setMessage(Messages.TopicExplorer_filterHint);
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filter.addModifyListener(e -> tree.setFilter(filter.getText()));

		Composite statusRow = new Composite(parent, SWT.NONE);
		GridLayout statusLayout = new GridLayout(2, false);
		statusLayout.marginWidth = 0;
		statusLayout.marginHeight = 0;
		statusRow.setLayout(statusLayout);
		statusRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		status = new Label(statusRow, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		// shown while a lost connection waits for its next try
		reconnectNow = new Link(statusRow, SWT.NONE);
		reconnectNow.setText("<a>" + Messages.TopicExplorer_reconnectNow + "</a>"); //$NON-NLS-1$ //$NON-NLS-2$
		reconnectNow.setToolTipText(Messages.TopicExplorer_reconnectNowTooltip);
		reconnectNow.setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));
		reconnectNow.addListener(SWT.Selection, e -> {
			if (current != null) {
				current.reconnectNow();
			}
		});
		showReconnectNow(false);

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		CTabFolder left = new CTabFolder(sash, SWT.BORDER);
		CTabItem topicsTab = new CTabItem(left, SWT.NONE);
		topicsTab.setText(Messages.TopicExplorer_topicsTab);
		Composite treeHolder = new Composite(left, SWT.NONE);
		treeHolder.setLayout(new GridLayout(1, false));
		tree = new TopicTreePart(treeHolder);
		topicsTab.setControl(treeHolder);
		CTabItem devicesTab = new CTabItem(left, SWT.NONE);
		devicesTab.setText(Messages.TopicExplorer_devicesTab);
		// double-clicking an entity shows its state topic where it is: in the Topics tab
		devices = new DevicesPart(left, topic -> {
			left.setSelection(topicsTab);
			devices.setVisible(false);
			reveal(topic);
		});
		devicesTab.setControl(devices.control());
		left.setSelection(0);
		left.addListener(SWT.Selection, e -> devices.setVisible(left.getSelection() == devicesTab));
		detail = new DetailPane(sash);
		sash.setWeights(50, 50);
		// side by side when the view is wide, one above the other when it is narrow
		sash.addListener(SWT.Resize, e -> {
			org.eclipse.swt.graphics.Rectangle area = sash.getClientArea();
			int orientation = area.width > area.height * 3 / 2 ? SWT.HORIZONTAL : SWT.VERTICAL;
			if (sash.getOrientation() != orientation) {
				sash.setOrientation(orientation);
			}
		});
		tree.viewer().addSelectionChangedListener(e -> {
			detail.show(tree.selection(), true);
			commands.update();
		});
		commands = new ExplorerCommands(this, actions);
		commands.bindKeysWhileFocused(tree.viewer().getControl());
		// the rows' context menu: plugin.xml's popup:<view id> contributions
		MenuManager menu = new MenuManager();
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		Control treeControl = tree.viewer().getControl();
		treeControl.setMenu(menu.createContextMenu(treeControl));
		getSite().registerContextMenu(menu, tree.viewer());
		getSite().setSelectionProvider(tree.viewer());
		parent.getDisplay().timerExec(TopicTreePart.REFRESH_MS, this::tick);
		loadProjectTopics();

		OpenConnections.get().addListener(connectionsChanged);
		updateConnections();
	}

	@Override
	public void dispose() {
		if (commands != null) {
			commands.dispose();
		}
		OpenConnections.get().removeListener(connectionsChanged);
		if (current != null) {
			current.removeListener(stateListener);
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		tree.viewer().getControl().setFocus();
	}

	/** The connection on screen, or null. */
	public BrokerConnection connection() {
		return current;
	}

	public TopicTreePart tree() {
		return tree;
	}

	DetailPane detail() {
		return detail;
	}

	Composite root() {
		return root;
	}

	DevicesPart devices() {
		return devices;
	}

	ExplorerActions actions() {
		return actions;
	}

	/** The status line: the connection's state and why it failed or is reconnecting. */
	public String statusText() {
		return status.getText();
	}

	/** Shows an error for the user in the status line (in red), e.g. a failed connect. */
	void showError(String message) {
		status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		status.setText(message);
		root.layout(true, true);
	}

	void showInfo(String message) {
		status.setForeground(null);
		status.setText(message);
		root.layout(true, true);
	}

	private void showReconnectNow(boolean show) {
		((GridData) reconnectNow.getLayoutData()).exclude = !show;
		reconnectNow.setVisible(show);
	}

	/** Opens a connection with this profile in a Job; the view switches to it and shows how it went. */
	public Job connect(ConnectionProfile profile, char[] password, char[] keyPassword) {
		return connect(profile, password, keyPassword, () -> {
		});
	}

	/** The same, running {@code first} in the Job before connecting (saving the profile: I/O off the UI thread). */
	Job connect(ConnectionProfile profile, char[] password, char[] keyPassword, Runnable first) {
		BrokerConnection connection = new BrokerConnection(profile, password, keyPassword,
				new TopicTree(ExplorerLimits.historyPerTopic(), ExplorerLimits.budgetBytes()));
		Job job = Job.create(NLS.bind(Messages.TopicExplorer_connecting, profile.name()), monitor -> {
			first.run();
			try {
				connection.connect();
				OpenConnections.get().add(connection);
				UiAsync.run(status, () -> showConnection(connection));
			} catch (ConnectionException e) {
				connection.close();
				UiAsync.run(status, () -> showError(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
		return job;
	}

	/**
	 * Selects the first topic of the project's device once it has arrived on the shown connection (the board may take
	 * a while to join Wi-Fi and the broker); gives up after {@value #REVEAL_WAIT_MS} ms.
	 */
	public void revealDeviceOf(IProject project) throws CoreException {
		Predicate<String> device = ProjectTopics.deviceTopics(project);
		long deadline = System.currentTimeMillis() + REVEAL_WAIT_MS;
		status.getDisplay().timerExec(REVEAL_POLL_MS, new Runnable() {
			@Override
			public void run() {
				if (status.isDisposed() || System.currentTimeMillis() > deadline) {
					return;
				}
				String topic = current == null ? null
						: current.tree().topics().stream().filter(device).sorted().findFirst().orElse(null);
				if (topic != null) {
					reveal(topic);
				} else {
					status.getDisplay().timerExec(REVEAL_POLL_MS, this);
				}
			}
		});
	}

	/** Selects the node of this topic in the tree, expanding its parents. */
	public void reveal(String topic) {
		if (current == null) {
			return;
		}
		TopicNode node = current.tree().find(topic);
		if (node != null) {
			tree.refresh();
			tree.viewer().reveal(node);
			tree.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(node), true);
		}
	}

	/** Reads which topics belong to workspace sensor projects (a Job); again at each new connection. */
	private void loadProjectTopics() {
		ProjectTopics.load(owners -> UiAsync.run(root, () -> tree.setOwners(owners)));
	}

	void showConnection(BrokerConnection connection) {
		loadProjectTopics();
		updateConnections();
		int index = connection == null ? -1 : shown.indexOf(connection);
		if (index >= 0) {
			connections.select(index);
			select(index);
		}
	}

	private void tick() {
		if (status.isDisposed()) {
			return;
		}
		if (!tree.isPaused()) {
			detail.show(detail.node(), false);
			devices.refresh(current == null ? null : current.tree());
		}
		status.getDisplay().timerExec(TopicTreePart.REFRESH_MS, this::tick);
	}

	private void updateConnections() {
		if (connections.isDisposed()) {
			return;
		}
		shown = OpenConnections.get().all();
		shownBefore.keySet().retainAll(shown);
		String[] names = shown.stream().map(c -> c.profile().name()).toArray(String[]::new);
		connections.setItems(names);
		int index = current == null ? -1 : shown.indexOf(current);
		if (index >= 0) {
			connections.select(index);
		} else {
			select(shown.isEmpty() ? -1 : 0);
			if (!shown.isEmpty()) {
				connections.select(0);
			}
		}
	}

	private void select(int index) {
		BrokerConnection next = index >= 0 && index < shown.size() ? shown.get(index) : null;
		if (next == current) {
			return;
		}
		if (current != null) {
			current.removeListener(stateListener);
			shownBefore.put(current, tree.shown());
		}
		current = next;
		if (current != null) {
			current.addListener(stateListener);
		}
		tree.setModel(current == null ? null : current.tree());
		TopicTreePart.Shown before = shownBefore.get(current);
		if (before != null) {
			tree.show(before);
		}
		detail.show(tree.selection(), true);
		updateStatus();
		commands.update();
	}

	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		showReconnectNow(current != null && current.state() == BrokerConnection.State.RECONNECTING
				&& current.nextTryAt() > 0);
		if (current == null) {
			showInfo(Messages.TopicExplorer_notConnected);
			return;
		}
		String state = switch (current.state()) {
		case CONNECTED -> NLS.bind(Messages.TopicExplorer_connected, current.profile().serverUri(),
				SubscriptionText.format(current.subscriptions(), ", ")); //$NON-NLS-1$
		case RECONNECTING, FAILED -> current.message();
		case CONNECTING -> NLS.bind(Messages.TopicExplorer_connecting, current.profile().name());
		case DISCONNECTED -> Messages.TopicExplorer_disconnected;
		};
		if (current.state() == BrokerConnection.State.CONNECTED) {
			showInfo(state);
		} else {
			showError(state);
		}
	}
}
