/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.repl;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.tm.internal.terminal.control.ITerminalListener;
import org.eclipse.tm.internal.terminal.control.ITerminalViewControl;
import org.eclipse.tm.internal.terminal.control.TerminalViewControlFactory;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalConnector;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalControl;
import org.eclipse.tm.internal.terminal.provisional.api.TerminalState;
import org.eclipse.tm.internal.terminal.textcanvas.TextCanvas;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.serial.ReplSession;
import io.mqttdevices.core.serial.ReplSession.State;
import io.mqttdevices.ui.internal.Messages;

/**
 * "Board REPL": a VT100 terminal (the Eclipse terminal control) on a board's serial REPL. Reading and reconnecting
 * happen in the core {@link ReplSession}; the terminal control renders off the UI thread in batches. The port is
 * remembered per project (the selected one) and in the view's memento.
 */
public class BoardReplView extends ViewPart implements ITerminalListener {

	public static final String ID = "io.mqttdevices.ui.repl.BoardReplView"; //$NON-NLS-1$

	private static final String MEMENTO_PORT = "port"; //$NON-NLS-1$
	private static final String MEMENTO_BAUD = "baud"; //$NON-NLS-1$

	private IMemento memento;
	private Display display;
	private PortPicker picker;
	private ITerminalViewControl terminal;
	private Label status;
	private ReplCommands commands;
	private SerialTerminalConnector connector;

	// UI thread only
	private boolean terminalConnected;
	private TerminalState terminalState = TerminalState.CLOSED;
	private State sessionState = State.DISCONNECTED;
	private String sessionText = Messages.BoardReplView_disconnected;

	/**
	 * A port just chosen for a project's board (Upload to Board asks for one the first time): the view takes it while
	 * it is not connected, so Connect goes to the board the user just uploaded to. A connected view stays where it is.
	 */
	private final ProjectDeviceSettings.PortListener portFollower = (project, port, baudRate) -> asyncExec(() -> {
		if (!terminalConnected && !port.equals(picker.path())) {
			setPort(port, baudRate);
		}
	});

	@Override
	public void init(IViewSite site, IMemento restored) throws PartInitException {
		super.init(site, restored);
		this.memento = restored;
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);
		display = parent.getDisplay();

		picker = new PortPicker(parent, CorePreferences.baudRate(), this::showHint);

		terminal = TerminalViewControlFactory.makeControl(this, parent, new ITerminalConnector[0], true);
		terminal.getRootControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		terminal.setCharset(StandardCharsets.UTF_8);
		if (terminal instanceof ITerminalControl control) {
			control.setConnectOnEnterIfClosed(false);
		}

		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
		status.setText(sessionText);

		// the actions are commands in the view toolbar, the view menu and the terminal's context menu (plugin.xml)
		commands = new ReplCommands(this);
		MenuManager menu = new MenuManager();
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		Control text = terminal.getControl();
		text.setMenu(menu.createContextMenu(text));
		getSite().registerContextMenu(menu, null);

		restorePort();
		picker.refresh();
		ProjectDeviceSettings.addPortListener(portFollower);
	}

	@Override
	public void setFocus() {
		terminal.setFocus();
	}

	/** Connects to the chosen port; a bad choice is said in the status line. */
	public void connect() {
		String path = picker.path();
		int baud = picker.baudRate();
		if (path.isEmpty()) {
			showHint(Messages.BoardReplView_noPort);
			return;
		}
		if (baud < 0) {
			showHint(Messages.BoardReplView_badBaud);
			return;
		}
		if (terminalConnected) {
			disconnect();
		}
		connector = new SerialTerminalConnector(path, baud, this::sessionChanged);
		terminal.setConnector(connector.wrap());
		terminal.connectTerminal();
		remember(path, baud);
	}

	public void disconnect() {
		terminal.disconnectTerminal();
	}

	public boolean isConnected() {
		return terminalConnected;
	}

	/** True while the terminal is neither connecting nor connected: Connect can run. */
	public boolean isClosed() {
		return terminalState == TerminalState.CLOSED;
	}

	/** The session on the board, while connected. */
	public ReplSession session() {
		return connector == null ? null : connector.session();
	}

	/** The session's state as the view last showed it. */
	public State sessionState() {
		return sessionState;
	}

	/** The path of the chosen port (typed or listed). */
	public String portPath() {
		return picker.path();
	}

	public void setPort(String path, int baudRate) {
		picker.setPath(path);
		picker.setBaudRate(baudRate);
	}

	/** The terminal's text as the user sees it (its scroll-back included). */
	public String screenText() {
		if (!(terminal.getControl() instanceof TextCanvas canvas)) {
			return ""; //$NON-NLS-1$
		}
		// getAllText() makes and drops a snapshot of the terminal's text without the lock the terminal's reader
		// holds while it adds lines; when the board printed meanwhile, the reader failed in TerminalTextData with an
		// ArrayIndexOutOfBoundsException (seen in a CI run of the REPL tests). So it runs under that lock.
		Object lock = textLock();
		if (lock == null) {
			return canvas.getAllText();
		}
		synchronized (lock) {
			return canvas.getAllText();
		}
	}

	/** The terminal's text model, whose monitor its reader holds while it writes; null if this terminal has none. */
	private Object textLock() {
		try {
			Field model = terminal.getClass().getDeclaredField("fTerminalModel"); //$NON-NLS-1$
			model.setAccessible(true);
			return model.get(terminal);
		} catch (ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	/** What the status line says. */
	public String statusText() {
		return status.getText();
	}

	/** The terminal control, for typing into it. */
	public ITerminalViewControl terminal() {
		return terminal;
	}

	void clear() {
		terminal.clearTerminal();
	}

	@Override
	public void setState(TerminalState state) {
		asyncExec(() -> {
			terminalState = state;
			terminalConnected = state == TerminalState.CONNECTED;
			picker.setEnabled(state == TerminalState.CLOSED);
			if (state == TerminalState.CLOSED) {
				sessionState = State.DISCONNECTED;
				sessionText = Messages.BoardReplView_disconnected;
			}
			refreshStatus();
		});
	}

	@Override
	public void setTerminalTitle(String title) {
		// the view keeps its own title
	}

	/** From the session's threads. */
	private void sessionChanged(SerialTerminalConnector source, State state, String detail) {
		String path = source.path();
		String text = switch (state) {
		case CONNECTED -> NLS.bind(Messages.BoardReplView_connected, path, Integer.toString(source.baudRate()));
		case WAITING -> NLS.bind(Messages.BoardReplView_waiting, path, detail);
		case PAUSED -> NLS.bind(Messages.BoardReplView_paused, path, detail);
		case DISCONNECTED -> Messages.BoardReplView_disconnected;
		};
		asyncExec(() -> {
			if (source != connector) {
				return; // an earlier connection, closing in the background
			}
			sessionState = state;
			sessionText = text;
			refreshStatus();
		});
	}

	private void refreshStatus() {
		status.setText(sessionText);
		commands.update();
	}

	/** A hint about the user's choice; an empty one shows the session's state again. */
	private void showHint(String hint) {
		if (status != null && !status.isDisposed()) {
			status.setText(hint.isEmpty() ? sessionText : hint);
		}
	}

	private void asyncExec(Runnable runnable) {
		if (display == null || display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (status != null && !status.isDisposed()) {
				runnable.run();
			}
		});
	}

	private void restorePort() {
		IProject project = currentProject();
		ProjectDeviceSettings settings = project != null && project.isAccessible() ? new ProjectDeviceSettings(project)
				: null;
		if (settings != null && !settings.port().isEmpty()) {
			setPort(settings.port(), settings.baudRate());
		} else if (memento != null && memento.getString(MEMENTO_PORT) != null) {
			Integer baud = memento.getInteger(MEMENTO_BAUD);
			setPort(memento.getString(MEMENTO_PORT), baud == null ? -1 : baud);
		}
	}

	/** Remembers the port for the selected project, in the background (it writes the project's settings). */
	private void remember(String path, int baud) {
		IProject project = currentProject();
		if (project == null || !project.isAccessible()) {
			return;
		}
		Job job = Job.create(NLS.bind(Messages.BoardReplView_rememberPort, project.getName()), monitor -> {
			try {
				new ProjectDeviceSettings(project).setPort(path, baud);
			} catch (org.osgi.service.prefs.BackingStoreException e) {
				ILog.of(BoardReplView.class).warn("Could not remember the serial port of " + project.getName(), e); //$NON-NLS-1$
			}
		});
		job.setSystem(true);
		job.schedule();
	}

	/**
	 * The project selected in the Project Explorer, else the active editor's, else the window's selection's (this
	 * view, active while its toolbar is used, has no selection of its own); null when there is none.
	 */
	private IProject currentProject() {
		ISelectionService selections = getSite().getWorkbenchWindow().getSelectionService();
		IProject project = projectOf(selections.getSelection(IPageLayout.ID_PROJECT_EXPLORER));
		if (project != null) {
			return project;
		}
		IEditorPart editor = getSite().getPage().getActiveEditor();
		IFile file = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
		return file != null ? file.getProject() : projectOf(selections.getSelection());
	}

	private static IProject projectOf(ISelection selection) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			return resource == null ? null : resource.getProject();
		}
		return null;
	}

	@Override
	public void saveState(IMemento state) {
		super.saveState(state);
		String path = picker.path();
		if (!path.isEmpty()) {
			state.putString(MEMENTO_PORT, path);
		}
		if (picker.baudRate() > 0) {
			state.putInteger(MEMENTO_BAUD, picker.baudRate());
		}
	}

	@Override
	public void dispose() {
		if (commands != null) {
			commands.dispose();
		}
		ProjectDeviceSettings.removePortListener(portFollower);
		if (terminal != null) {
			terminal.disposeTerminal();
		}
		super.dispose();
	}
}
