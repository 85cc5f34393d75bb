/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.libraries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.LibraryStatus.State;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.core.projects.ProjectDeviceSettings;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.internal.UiThread;
import io.mqttdevices.ui.libraries.BoardLibrariesJob.Action;
import io.mqttdevices.ui.upload.SelectedProject;
import io.mqttdevices.ui.upload.UploadHandler;

/**
 * Board Libraries: the libraries the selected sensor project declares, and what its board has of them (the version
 * the index or bundle offers, the one on the board, the state, why). It follows the workbench's selection as the
 * Properties view does. Its commands (toolbar, view menu, the rows' context menu, {@link LibraryCommands}) read the
 * board, install and remove in a {@link BoardLibrariesJob}; the result is a line at the bottom.
 */
public final class BoardLibrariesView extends ViewPart {

	public static final String ID = "io.mqttdevices.ui.libraries.BoardLibrariesView"; //$NON-NLS-1$

	private Label heading;
	private TableViewer viewer;
	private CLabel status;
	private LibraryCommands commands;
	private ProjectLibraries libraries;
	private List<Requirement> declared = List.of();
	private List<LibraryStatus> rows = List.of();
	private boolean busy;
	private final ISelectionListener follower = this::selectionChanged;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(flatLayout());
		heading = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(heading);
		viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(Messages.BoardLibrariesView_library, 220, LibraryStatus::name, this::stateImage);
		column(Messages.BoardLibrariesView_offered, 110, LibraryStatus::wanted, r -> null);
		column(Messages.BoardLibrariesView_onBoard, 110, LibraryStatus::installed, r -> null);
		column(Messages.BoardLibrariesView_state, 100, BoardLibrariesView::stateText, r -> null);
		column(Messages.BoardLibrariesView_detail, 380, LibraryStatus::detail, r -> null);
		ColumnViewerToolTipSupport.enableFor(viewer);
		status = new CLabel(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		MenuManager menu = new MenuManager();
		viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
		getSite().registerContextMenu(menu, viewer);
		getSite().setSelectionProvider(viewer);
		viewer.addSelectionChangedListener(event -> updateCommands());
		commands = new LibraryCommands(this);

		getSite().getWorkbenchWindow().getSelectionService().addPostSelectionListener(follower);
		IEditorPart editor = getSite().getPage().getActiveEditor();
		IProject start = projectOf(getSite().getWorkbenchWindow().getSelectionService().getSelection());
		if (start == null && editor != null) {
			start = projectOf(editor);
		}
		show(SelectedProject.isSensorProject(start) ? start : null);
	}

	private static GridLayout flatLayout() {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		return layout;
	}

	private void column(String title, int width, Function<LibraryStatus, String> text,
			Function<LibraryStatus, Image> image) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().pack(); // the title's width, in the user's font: never cut ("Version offe")
		column.getColumn().setWidth(Math.max(width, column.getColumn().getWidth()));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = text.apply((LibraryStatus) element);
				return value == null ? "" : value; //$NON-NLS-1$
			}

			@Override
			public Image getImage(Object element) {
				return image.apply((LibraryStatus) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return ((LibraryStatus) element).detail();
			}
		});
	}

	private Image stateImage(LibraryStatus row) {
		if (row.state() == null || row.state() == State.INSTALLED) {
			return null;
		}
		String image = row.state() == State.UNKNOWN ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_WARN_TSK;
		return PlatformUI.getWorkbench().getSharedImages().getImage(image);
	}

	static String stateText(LibraryStatus row) {
		if (row.state() == null) {
			return Messages.BoardLibrariesView_notRead;
		}
		return switch (row.state()) {
		case INSTALLED -> Messages.BoardLibrariesView_installed;
		case MISSING -> Messages.BoardLibrariesView_missing;
		case OUTDATED -> Messages.BoardLibrariesView_outdated;
		case UNKNOWN -> Messages.BoardLibrariesView_unknown;
		};
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this) {
			return;
		}
		IProject project = part instanceof IEditorPart editor ? projectOf(editor) : projectOf(selection);
		if (project == null) {
			return; // a topic, a console line: keep the project shown
		}
		IProject shown = libraries == null ? null : libraries.project();
		IProject next = SelectedProject.isSensorProject(project) ? project : null;
		if (next == null ? shown != null : !next.equals(shown)) {
			show(next);
		}
	}

	private static IProject projectOf(ISelection selection) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			return resource == null ? null : resource.getProject();
		}
		return null;
	}

	private static IProject projectOf(IEditorPart editor) {
		IResource resource = Adapters.adapt(editor.getEditorInput(), IResource.class);
		return resource == null ? null : resource.getProject();
	}

	/** Shows a sensor project's declared libraries, not yet read from the board; null: asks for a project. */
	public void show(IProject project) {
		libraries = project == null ? null : new ProjectLibraries(project);
		declared = List.of();
		rows = List.of();
		if (libraries == null) {
			heading.setText(Messages.BoardLibrariesView_selectProject);
			setStatus(IStatus.OK, ""); //$NON-NLS-1$
		} else {
			heading.setText(NLS.bind(Messages.BoardLibrariesView_heading, new Object[] { project.getName(),
					libraries.runtime().label(), libraries.runtime().librariesFile(), board(project) }));
			try {
				declared = libraries.declared();
				List<LibraryStatus> notRead = new ArrayList<>();
				for (Requirement requirement : declared) {
					notRead.add(new LibraryStatus(requirement.name(), requirement.version(), null, null, null));
				}
				rows = notRead;
				setStatus(IStatus.OK, declared.isEmpty() ? NLS.bind(Messages.BoardLibrariesView_noneDeclared,
						libraries.runtime().librariesFile()) : Messages.BoardLibrariesView_refreshHint);
			} catch (IOException e) {
				setStatus(IStatus.ERROR, e.getMessage());
			}
		}
		heading.getParent().layout();
		viewer.setInput(rows);
		updateCommands();
	}

	private String board(IProject project) {
		ProjectDeviceSettings settings = new ProjectDeviceSettings(project);
		if (libraries.runtime() == Runtime.CIRCUITPYTHON) {
			return settings.circuitPyDrive().isEmpty() ? Messages.BoardLibrariesView_driveByLabel
					: settings.circuitPyDrive();
		}
		return settings.port().isEmpty() ? Messages.BoardLibrariesView_noPort : settings.port();
	}

	/** Reads the board. */
	void refresh() {
		schedule(Action.READ, List.of());
	}

	/** Installs the missing libraries (and what they need). */
	void installMissing() {
		schedule(Action.INSTALL, requirements(ProjectLibraries.named(rows, State.MISSING)));
	}

	/** Installs the outdated libraries again, as the index or bundle has them. */
	void update() {
		schedule(Action.INSTALL, requirements(ProjectLibraries.named(rows, State.OUTDATED)));
	}

	/** Installs (or reinstalls) the selected libraries. */
	void installSelected() {
		schedule(Action.INSTALL, requirements(selected().stream().map(LibraryStatus::name).toList()));
	}

	/**
	 * Removes the selected libraries from the board once the user agrees; the question says when the declaration
	 * still lists them, since Upload or Flash would install them again (the file is the user's to edit).
	 */
	void remove() {
		if (libraries == null || busy) {
			return;
		}
		List<String> names = selected().stream().map(LibraryStatus::name).toList();
		List<String> stillDeclared = names.stream()
				.filter(n -> declared.stream().anyMatch(r -> r.name().equals(n))).toList();
		String question = NLS.bind(Messages.BoardLibrariesView_removeQuestion, String.join(", ", names)); //$NON-NLS-1$
		if (!stillDeclared.isEmpty() && CorePreferences.installLibrariesBeforeUpload()) {
			question += ' ' + NLS.bind(Messages.BoardLibrariesView_removeDeclared,
					new Object[] { libraries.runtime().librariesFile(), String.join(", ", stillDeclared), //$NON-NLS-1$
							libraries.runtime() == Runtime.CIRCUITPYTHON ? Messages.BoardLibrariesView_flash
									: Messages.BoardLibrariesView_upload });
		}
		MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.BoardLibrariesView_removeTitle, null,
				question, MessageDialog.QUESTION, 0, Messages.BoardLibrariesView_removeConfirm,
				IDialogConstants.CANCEL_LABEL);
		if (dialog.open() == 0) {
			schedule(Action.REMOVE, requirements(names));
		}
	}

	private List<Requirement> requirements(List<String> names) {
		return names.stream().map(name -> ProjectLibraries.requirement(name, declared)).toList();
	}

	private void schedule(Action action, List<Requirement> targets) {
		if (libraries == null || busy) {
			return;
		}
		if (libraries.runtime() == Runtime.MICROPYTHON) {
			ProjectDeviceSettings settings = new ProjectDeviceSettings(libraries.project());
			if (settings.port().isEmpty()
					&& !UploadHandler.choosePort(getSite().getShell(), libraries.project(), settings)) {
				return;
			}
			show(libraries.project()); // the heading names the port
		}
		ProjectLibraries target = libraries;
		busy = true;
		setStatus(IStatus.INFO, switch (action) {
		case READ -> Messages.BoardLibrariesView_reading;
		case INSTALL -> Messages.BoardLibrariesView_installing;
		case REMOVE -> Messages.BoardLibrariesView_removing;
		});
		updateCommands();
		BoardLibrariesJob job = new BoardLibrariesJob(target, action, targets,
				result -> UiThread.async(viewer.getControl(), () -> finished(target, result)));
		IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
		if (progress != null) {
			progress.schedule(job);
		} else {
			job.schedule();
		}
	}

	private void finished(ProjectLibraries target, BoardLibrariesJob.Result result) {
		busy = false;
		if (target == libraries) {
			if (result.rows() != null) {
				rows = result.rows();
				viewer.setInput(rows);
			}
			setStatus(result.severity(), result.message());
		}
		updateCommands();
	}

	private void setStatus(int severity, String text) {
		String image = switch (severity) {
		case IStatus.ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
		case IStatus.WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
		case IStatus.OK, IStatus.CANCEL -> null;
		default -> ISharedImages.IMG_OBJS_INFO_TSK;
		};
		status.setImage(image == null ? null : PlatformUI.getWorkbench().getSharedImages().getImage(image));
		status.setText(text);
		status.setToolTipText(text);
	}

	private void updateCommands() {
		if (commands != null) {
			commands.update();
		}
	}

	private List<LibraryStatus> selected() {
		List<LibraryStatus> selected = new ArrayList<>();
		for (Object element : viewer.getStructuredSelection()) {
			selected.add((LibraryStatus) element);
		}
		return selected;
	}

	boolean canRead() {
		return libraries != null && !busy;
	}

	boolean canInstallMissing() {
		return canRead() && rows.stream().anyMatch(r -> r.state() == State.MISSING);
	}

	boolean canUpdate() {
		return canRead() && rows.stream().anyMatch(r -> r.state() == State.OUTDATED);
	}

	boolean canInstallSelected() {
		List<LibraryStatus> selected = selected();
		return canRead() && !selected.isEmpty() && selected.stream().noneMatch(r -> r.state() == State.UNKNOWN);
	}

	boolean canRemove() {
		List<LibraryStatus> selected = selected();
		return canRead() && !selected.isEmpty()
				&& selected.stream().allMatch(r -> r.state() == State.INSTALLED || r.state() == State.OUTDATED);
	}

	/** The project shown, or null. */
	public IProject project() {
		return libraries == null ? null : libraries.project();
	}

	/** The rows shown. */
	public List<LibraryStatus> rows() {
		return List.copyOf(rows);
	}

	/** The line at the bottom: what the last read or install did. */
	public String statusText() {
		return status.getText();
	}

	/** The heading: the project and its board, or the request to select one. */
	public String headingText() {
		return heading.getText();
	}

	/** Whether a read or an install is running. */
	public boolean isBusy() {
		return busy;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(follower);
		if (commands != null) {
			commands.dispose();
		}
		super.dispose();
	}
}
