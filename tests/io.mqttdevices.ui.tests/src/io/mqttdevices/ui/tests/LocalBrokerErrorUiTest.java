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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.broker.StartLocalBrokerHandler;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.UiWait;

/**
 * Start Local Broker when it cannot start: the Job ends with an error status that says why, with no exception (so
 * the workbench shows a message, never a stack trace), and the broker stays stopped. Errors are expected here, so
 * this class does not fail on logged errors.
 */
class LocalBrokerErrorUiTest {

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
	private final LocalBroker broker = LocalBroker.ide().orElseThrow(() -> new AssertionError("no LocalBroker"));
	private final AtomicReference<IStatus> result = new AtomicReference<>();
	private final IJobChangeListener jobs = new JobChangeAdapter() {
		@Override
		public void done(IJobChangeEvent event) {
			if (Messages.LocalBroker_startJob.equals(event.getJob().getName())) {
				result.set(event.getResult());
			}
		}
	};

	private final List<IStatus> logged = new CopyOnWriteArrayList<>();
	private final ILogListener log = (status, plugin) -> logged.add(status);

	@AfterEach
	void reset() throws Exception {
		Job.getJobManager().removeJobChangeListener(jobs);
		Platform.removeLogListener(log);
		broker.stop();
		preferences.clear();
		preferences.flush();
	}

	@Test
	void portInUseEndsTheJobWithTheReasonAndNoStackTrace() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			preferences.putInt(LocalBrokerPreferences.PORT, taken.getLocalPort());
			IStatus status = start();
			assertEquals(IStatus.ERROR, status.getSeverity());
			assertTrue(status.getMessage().startsWith("The local broker did not start. Port " + taken.getLocalPort()
					+ " on 127.0.0.1 is already in use"), status.getMessage());
			assertNull(status.getException(), "an exception would be shown as a stack trace");
			assertFalse(broker.isRunning());
		}
	}

	@Test
	void lanWithoutPasswordEndsTheJobWithTheReason() throws Exception {
		preferences.putBoolean(LocalBrokerPreferences.LAN, true);
		IStatus status = start();
		assertEquals(IStatus.ERROR, status.getSeverity());
		assertTrue(status.getMessage().contains("needs a username and password"), status.getMessage());
		assertNull(status.getException());
		assertFalse(broker.isRunning());
	}

	/** Runs the command and returns its Job's result, once the workbench has logged it (without a stack trace). */
	private IStatus start() throws Exception {
		Job.getJobManager().addJobChangeListener(jobs);
		Platform.addLogListener(log);
		workbench.window().getService(IHandlerService.class).executeCommand(StartLocalBrokerHandler.COMMAND_ID, null);
		UiWait.until(Duration.ofSeconds(15), "the start Job to end", () -> result.get() != null);
		IStatus status = result.get();
		UiWait.until(Duration.ofSeconds(5), "the error to be logged", () -> logged.stream()
				.anyMatch(entry -> entry.getMessage().equals(status.getMessage()) && entry.getException() == null));
		return status;
	}
}
