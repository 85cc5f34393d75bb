/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * A user's first minutes, on the paths that render icons and decorations: every view of ours and the perspective's
 * own open and painted, File &gt; New &gt; MQTT Sensor Project through its dialog, {@code main.py} and
 * {@code config.json} in editors, {@code config.json} broken and saved (a problem marker, its decoration in the
 * Project Explorer, a row in Problems) and mended, the Run menu and the Run Configurations dialog on a Run on Board
 * configuration. What goes wrong on the way is for the logs, which the install test reads; the facts say what the
 * user would have seen. Must run in the UI thread.
 */
final class SensorProjectFacts {

	static final String PROJECT = "probe-sensor"; //$NON-NLS-1$
	static final String CONFIG = "config.json"; //$NON-NLS-1$
	static final List<String> VIEWS = List.of("io.mqttdevices.ui.repl.BoardReplView", //$NON-NLS-1$
			"io.mqttdevices.ui.explorer.TopicExplorerView", "io.mqttdevices.ui.libraries.BoardLibrariesView", //$NON-NLS-1$ //$NON-NLS-2$
			IPageLayout.ID_PROJECT_EXPLORER,
			IPageLayout.ID_PROBLEM_VIEW, "org.eclipse.ui.console.ConsoleView"); //$NON-NLS-1$
	private static final String RUN_ON_BOARD = "io.mqttdevices.ui.launch.runOnBoard"; //$NON-NLS-1$
	private static final String PROBLEM_MARKER = "io.mqttdevices.core.configProblem"; //$NON-NLS-1$
	/** Long enough for the views to paint and the decorators and the Problems view to catch up. */
	private static final long PAINT_MS = 1500;

	private final IWorkbench workbench;
	private final Properties facts;

	SensorProjectFacts(IWorkbench workbench, Properties facts) {
		this.workbench = workbench;
		this.facts = facts;
	}

	void collect() throws Exception {
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		IWorkbenchPage page = window.getActivePage();
		views(page);
		IProject project = newSensorProject(window.getShell());
		if (project == null) {
			return;
		}
		editors(page, project);
		runMenu(window.getShell());
		runAsOnMainPy(page, project);
		launchDialog(window.getShell(), project);
		gettingStarted(window);
	}

	/** The MQTT Devices menu as it shows when opened, then its Getting Started: what it says, closed. */
	private void gettingStarted(IWorkbenchWindow window) throws Exception {
		facts.setProperty("mqttMenu.items", String.join("|", submenu(window.getShell().getMenuBar(), "MQTT Devices"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ProbeWidgets.whenDialogOpens(window.getShell(), dialog -> {
			facts.setProperty("gettingStarted.title", dialog.getText()); //$NON-NLS-1$
			facts.setProperty("gettingStarted.text", DialogGuard.texts(dialog)); //$NON-NLS-1$
			dialog.close();
		});
		window.getService(IHandlerService.class).executeCommand("io.mqttdevices.ui.commands.gettingStarted", null); //$NON-NLS-1$
	}

	/** Window &gt; Show View's shortcuts, then each view opened and painted. */
	private void views(IWorkbenchPage page) throws Exception {
		facts.setProperty("views.shortcuts", String.join(",", page.getShowViewShortcuts())); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> open = new ArrayList<>();
		for (String id : VIEWS) {
			IViewPart view = page.showView(id);
			if (view != null) {
				open.add(id);
			}
		}
		facts.setProperty("views.open", String.join(",", open)); //$NON-NLS-1$ //$NON-NLS-2$
		page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		spin(PAINT_MS);
	}

	/** File &gt; New &gt; MQTT Sensor Project: name, Next twice, Wi-Fi and broker, Finish. */
	private IProject newSensorProject(Shell shell) throws CoreException {
		IWorkbenchWizard wizard = workbench.getNewWizardRegistry().findWizard(WorkbenchFacts.WIZARD_ID)
				.createWizard();
		wizard.init(workbench, StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(shell, wizard);
		dialog.setBlockOnOpen(false);
		// GTK runs the event loop, and so the guard, while a shell opens
		DialogGuard.awaiting(true);
		try {
			dialog.open();
		} finally {
			DialogGuard.awaiting(false);
		}
		Shell wizardShell = dialog.getShell();
		DialogGuard.expect(wizardShell);
		try {
			type(wizardShell, "Project name:", PROJECT); //$NON-NLS-1$
			next(dialog);
			next(dialog);
			type(wizardShell, "Wi-Fi network (SSID):", "Probe Wi-Fi"); //$NON-NLS-1$ //$NON-NLS-2$
			type(wizardShell, "Broker host:", "broker.example"); //$NON-NLS-1$ //$NON-NLS-2$
			Button finish = ProbeWidgets.button(wizardShell, "Finish"); //$NON-NLS-1$
			facts.setProperty("project.finishEnabled", String.valueOf(finish.isEnabled())); //$NON-NLS-1$
			ProbeWidgets.click(finish);
			spinUntil(() -> dialog.getShell() == null);
		} finally {
			if (dialog.getShell() != null) {
				facts.setProperty("project.wizardMessage", String.valueOf(dialog.getCurrentPage().getErrorMessage())); //$NON-NLS-1$
				dialog.close();
			}
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		facts.setProperty("project.created", String.valueOf(project.exists())); //$NON-NLS-1$
		return project.exists() ? project : null;
	}

	/**
	 * main.py (the wizard opens it) and config.json in editors; config.json broken and saved, then mended and
	 * saved, with the markers, the Problems rows and the decorations each leads to.
	 */
	private void editors(IWorkbenchPage page, IProject project) throws Exception {
		IEditorPart main = page.getActiveEditor();
		facts.setProperty("editor.active", main == null ? "" : main.getEditorInput().getName()); //$NON-NLS-1$ //$NON-NLS-2$
		IFile config = project.getFile(CONFIG);
		IEditorPart editor = IDE.openEditor(page, config);
		facts.setProperty("editor.config", editor.getEditorInput().getName()); //$NON-NLS-1$
		ITextEditor text = editor.getAdapter(ITextEditor.class);
		IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
		String good = document.get();
		spin(PAINT_MS);

		document.set("x" + good); //$NON-NLS-1$
		text.doSave(new NullProgressMonitor());
		boolean marked = spinUntil(() -> errors(config) > 0);
		facts.setProperty("config.broken.markers", String.valueOf(errors(config))); //$NON-NLS-1$
		if (marked) {
			facts.setProperty("config.broken.message", //$NON-NLS-1$
					config.findMarkers(PROBLEM_MARKER, true, IResource.DEPTH_ZERO)[0].getAttribute(IMarker.MESSAGE, "")); //$NON-NLS-1$
		}
		IViewPart problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);
		spinUntil(() -> problemRows(problems.getSite().getShell()) > 0);
		facts.setProperty("problems.rows", String.valueOf(problemRows(problems.getSite().getShell()))); //$NON-NLS-1$
		page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		page.activate(editor);
		spin(PAINT_MS);

		document.set(good);
		text.doSave(new NullProgressMonitor());
		spinUntil(() -> errors(config) == 0);
		facts.setProperty("config.mended.markers", String.valueOf(errors(config))); //$NON-NLS-1$
		spin(PAINT_MS);
	}

	/** The Run menu of the menu bar, as it shows when opened: its item texts. */
	private void runMenu(Shell shell) {
		facts.setProperty("runMenu.items", String.join("|", submenu(shell.getMenuBar(), "Run"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The Run As submenu of main.py's context menu in the Project Explorer, as it shows when opened. */
	private void runAsOnMainPy(IWorkbenchPage page, IProject project) throws Exception {
		CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.selectReveal(new StructuredSelection(project.getFile("main.py"))); //$NON-NLS-1$
		spin(PAINT_MS);
		Menu context = explorer.getCommonViewer().getControl().getMenu();
		facts.setProperty("contextMenu.runAs", String.join("|", submenu(context, "Run As"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The item texts of {@code menu}'s submenu labelled {@code label}, each menu shown as a user opens it. */
	private static List<String> submenu(Menu menu, String label) {
		List<String> items = new ArrayList<>();
		menu.notifyListeners(SWT.Show, null);
		for (MenuItem item : menu.getItems()) {
			if (label.equals(plain(item.getText())) && item.getMenu() != null) {
				Menu sub = item.getMenu();
				sub.notifyListeners(SWT.Show, null);
				Arrays.stream(sub.getItems()).map(i -> plain(i.getText())).forEach(items::add);
				sub.notifyListeners(SWT.Hide, null);
			}
		}
		menu.notifyListeners(SWT.Hide, null);
		return items;
	}

	/** A menu item's text as read: no mnemonic marker, no key binding. */
	private static String plain(String text) {
		return text.replace("&", "").split("\t")[0]; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * Run &gt; Run Configurations... with a Run on Board configuration of the project selected: its title and the
	 * configuration shown, then closed.
	 */
	private void launchDialog(Shell shell, IProject project) throws CoreException {
		ILaunchConfigurationWorkingCopy copy = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(RUN_ON_BOARD).newInstance(null, PROJECT);
		// as Run As > Run on Board on main.py makes it
		copy.setAttribute("io.mqttdevices.ui.launch.project", project.getName()); //$NON-NLS-1$
		copy.setAttribute("io.mqttdevices.ui.launch.file", "main.py"); //$NON-NLS-1$ //$NON-NLS-2$
		ILaunchConfiguration configuration = copy.doSave();
		ProbeWidgets.whenDialogOpens(shell, dialog -> {
			// painted with its tabs and icons before it is closed
			spin(PAINT_MS);
			facts.setProperty("launchDialog.title", dialog.getText()); //$NON-NLS-1$
			Text name = ProbeWidgets.textByLabel(dialog, "Name:"); //$NON-NLS-1$
			facts.setProperty("launchDialog.name", name == null ? "" : name.getText()); //$NON-NLS-1$ //$NON-NLS-2$
			Button close = ProbeWidgets.button(dialog, "Close"); //$NON-NLS-1$
			if (close != null) {
				ProbeWidgets.click(close);
			}
			if (!dialog.isDisposed()) {
				dialog.close();
			}
		});
		try {
			DebugUITools.openLaunchConfigurationDialogOnGroup(shell, new StructuredSelection(configuration),
					IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
		} finally {
			configuration.delete();
		}
	}

	/** The rows of the Problems view: the tree whose first column is Description. */
	private static int problemRows(Composite parent) {
		int rows = 0;
		for (Control child : parent.getChildren()) {
			if (child instanceof Tree tree && tree.getColumnCount() > 0
					&& "Description".equals(tree.getColumn(0).getText())) { //$NON-NLS-1$
				rows += tree.getItemCount();
			} else if (child instanceof Composite composite) {
				rows += problemRows(composite);
			}
		}
		return rows;
	}

	private static int errors(IFile file) {
		try {
			return (int) Arrays.stream(file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).count();
		} catch (CoreException e) {
			return -1;
		}
	}

	private void type(Shell shell, String label, String value) {
		Text field = ProbeWidgets.textByLabel(shell, label);
		if (field == null) {
			throw new IllegalStateException("No field labelled " + label); //$NON-NLS-1$
		}
		ProbeWidgets.type(field, value);
	}

	private void next(WizardDialog dialog) {
		Object before = dialog.getCurrentPage();
		ProbeWidgets.click(ProbeWidgets.button(dialog.getShell(), "Next >")); //$NON-NLS-1$
		spinUntil(() -> dialog.getCurrentPage() != before);
	}

	private boolean spinUntil(BooleanSupplier condition) {
		return ProbeWidgets.spinUntil(workbench.getDisplay(), condition);
	}

	private void spin(long millis) {
		ProbeWidgets.spinFor(workbench.getDisplay(), millis);
	}
}
