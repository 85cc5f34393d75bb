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
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.libraries.LibraryStatus;
import io.mqttdevices.core.libraries.Requirement;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.libraries.ProjectLibraries.Outcome;
import io.mqttdevices.ui.libraries.ProjectLibraries.Removal;

/**
 * The Board Libraries view's work: reads the board, or installs or removes libraries and reads it again, in one
 * session (the
 * project's port borrowed as "Board Libraries", the REPL pausing meanwhile; or its CIRCUITPY drive). It holds the
 * project as its rule, as uploads do, so the two never talk to the board at once. The result goes to the view: the
 * rows, and one line (a failure is one sentence). Cancelling stops between two files.
 */
final class BoardLibrariesJob extends Job {

	/** The family of the view's jobs, for tests and for waiting on them. */
	static final Object FAMILY = BoardLibrariesJob.class;
	/** What borrows the port, as the REPL view shows it. */
	static final String BORROWER = "Board Libraries"; //$NON-NLS-1$

	/** What the job does. */
	enum Action {
		READ, INSTALL, REMOVE
	}

	/** What the view hears when the job ends. */
	record Result(List<LibraryStatus> rows, String message, int severity) {
	}

	private final ProjectLibraries libraries;
	private final Action action;
	private final List<Requirement> targets;
	private final Consumer<Result> done;

	/**
	 * @param targets the libraries to install or remove before the board is read; ignored for {@link Action#READ}
	 */
	BoardLibrariesJob(ProjectLibraries libraries, Action action, List<Requirement> targets, Consumer<Result> done) {
		super(NLS.bind(switch (action) {
		case READ -> Messages.BoardLibrariesJob_reading;
		case INSTALL -> Messages.BoardLibrariesJob_installing;
		case REMOVE -> Messages.BoardLibrariesJob_removing;
		}, libraries.project().getName()));
		this.libraries = libraries;
		this.action = action;
		this.targets = targets;
		this.done = done;
		setRule(libraries.project());
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		Result result;
		try {
			List<Requirement> declared = libraries.declared();
			switch (action) {
			case READ -> {
				List<LibraryStatus> rows = libraries.status(declared, BORROWER, progress.split(10));
				result = new Result(rows, read(rows), IStatus.OK);
			}
			case INSTALL -> {
				Outcome outcome = libraries.install(targets, declared, BORROWER, progress.split(10));
				result = new Result(outcome.board(), sentence(outcome.installed().summary()),
						outcome.installed().ok() ? IStatus.OK : IStatus.WARNING);
			}
			case REMOVE -> {
				Removal removal = libraries.remove(targets, declared, BORROWER, progress.split(10));
				result = new Result(removal.board(), sentence(removal.removed().summary()),
						removal.removed().ok() ? IStatus.OK : IStatus.WARNING);
			}
			default -> throw new IllegalStateException(action.name());
			}
		} catch (OperationCanceledException e) {
			result = new Result(null, Messages.BoardLibrariesJob_cancelled, IStatus.CANCEL);
		} catch (IOException e) {
			result = new Result(null, monitor.isCanceled() ? Messages.BoardLibrariesJob_cancelled : e.getMessage(),
					monitor.isCanceled() ? IStatus.CANCEL : IStatus.ERROR);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			result = new Result(null, Messages.BoardLibrariesJob_cancelled, IStatus.CANCEL);
		}
		done.accept(result);
		// the view shows the result; an error dialog on top of it would say the same again
		return result.severity() == IStatus.CANCEL ? Status.CANCEL_STATUS
				: new Status(result.severity() == IStatus.ERROR ? IStatus.WARNING : result.severity(),
						"io.mqttdevices.ui", result.message()); //$NON-NLS-1$
	}

	private static String read(List<LibraryStatus> rows) {
		if (rows.isEmpty()) {
			return Messages.BoardLibrariesJob_noneDeclared;
		}
		long installed = rows.stream().filter(r -> r.state() == LibraryStatus.State.INSTALLED).count();
		return NLS.bind(Messages.BoardLibrariesJob_read, installed, rows.size());
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The summary also ends an upload's result line ("...; libraries: installed x"); alone it starts a sentence. */
	private static String sentence(String summary) {
		return summary.isEmpty() ? summary : Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
	}
}
