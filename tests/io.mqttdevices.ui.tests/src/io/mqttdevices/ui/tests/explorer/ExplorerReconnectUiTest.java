/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.explorer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.broker.StartLocalBrokerHandler;
import io.mqttdevices.ui.broker.StopLocalBrokerHandler;
import io.mqttdevices.ui.explorer.TopicExplorerView;
import io.mqttdevices.ui.tests.support.CleanWorkbench;
import io.mqttdevices.ui.tests.support.ExplorerViewSession;
import io.mqttdevices.ui.tests.support.NoErrorLogged;
import io.mqttdevices.ui.tests.support.UiWait;
import io.mqttdevices.ui.tests.support.Widgets;

/**
 * The explorer connected to the local broker, then Stop Local Broker: the status line says plainly that the broker
 * went away and when the next try is, and "Reconnect now" connects at once once the broker is back.
 */
class ExplorerReconnectUiTest {

	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final Pattern NEXT_TRY = Pattern.compile("Next try at (\\d\\d:\\d\\d:\\d\\d)\\.$");

	@RegisterExtension
	final CleanWorkbench workbench = new CleanWorkbench();

	@RegisterExtension
	final ExplorerViewSession session = new ExplorerViewSession();

	@RegisterExtension
	final NoErrorLogged noErrors = new NoErrorLogged();

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(CorePreferences.NODE);
	private final LocalBroker broker = LocalBroker.ide().orElseThrow(() -> new AssertionError("no LocalBroker"));

	@AfterEach
	void stopBroker() throws Exception {
		broker.stop();
		preferences.remove(LocalBrokerPreferences.PORT);
		preferences.flush();
	}

	@Test
	void stoppedLocalBrokerIsSaidToHaveGoneAwayWithTheNextTryAndReconnectNowConnectsAtOnce() throws Exception {
		int port = freePort();
		preferences.putInt(LocalBrokerPreferences.PORT, port);
		IHandlerService handlers = ExplorerViewSession.window().getService(IHandlerService.class);
		handlers.executeCommand(StartLocalBrokerHandler.COMMAND_ID, null);
		UiWait.until(WAIT, "the broker to run", broker::isRunning);
		TopicExplorerView view = session.view();
		view.connect(broker.defaultProfile().orElseThrow(), null, null);
		UiWait.until(WAIT, "the connection", () -> view.statusText().startsWith("Connected to"));
		assertFalse(reconnectNow().isPresent(), "no Reconnect now while connected");

		handlers.executeCommand(StopLocalBrokerHandler.COMMAND_ID, null);
		String wentAway = "The broker at 127.0.0.1:" + port + " went away (it closed the connection). Next try at ";
		UiWait.until(WAIT, "the loss shown", () -> !view.statusText().startsWith("Connected to"));
		assertTrue(view.statusText().startsWith(wentAway), view.statusText());
		assertFalse(view.statusText().contains("TLS"), view.statusText());
		assertTrue(reconnectNow().isPresent(), "Reconnect now offered");

		// the tries back off (1 s, 2 s, 4 s, 8 s): wait until the next one is at least 6 s away
		UiWait.until(Duration.ofSeconds(25), "a next try 6 s away, not: " + view.statusText(),
				() -> secondsToNextTry(view.statusText()) >= 6);
		handlers.executeCommand(StartLocalBrokerHandler.COMMAND_ID, null);
		UiWait.until(WAIT, "the broker to run again", broker::isRunning);
		long waitLeft = secondsToNextTry(view.statusText());
		long clicked = System.nanoTime();
		Link link = reconnectNow().orElseThrow();
		link.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		UiWait.until(Duration.ofSeconds(5), "connected again at once, not: " + view.statusText(),
				() -> view.statusText().startsWith("Connected to"));
		long tookMs = (System.nanoTime() - clicked) / 1_000_000;
		assertTrue(tookMs < (waitLeft - 1) * 1000, "took " + tookMs + " ms, the next try was " + waitLeft + " s off");
		UiWait.drain();
		assertFalse(reconnectNow().isPresent(), "no Reconnect now once connected");
		System.out.println("Reconnect now: connected in " + tookMs + " ms instead of waiting " + waitLeft + " s");
	}

	/** Seconds from now to the "Next try at HH:mm:ss" of the status line; -1 when it has none. */
	private static long secondsToNextTry(String status) {
		Matcher matcher = NEXT_TRY.matcher(status);
		if (!matcher.find()) {
			return -1;
		}
		long seconds = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).until(LocalTime.parse(matcher.group(1)),
				ChronoUnit.SECONDS);
		return seconds < -43_200 ? seconds + 86_400 : seconds;
	}

	/** The view's visible "Reconnect now" link. */
	private Optional<Link> reconnectNow() {
		for (Control control : Widgets.all(session.control())) {
			if (control instanceof Link link && link.getText().contains("Reconnect now") && link.isVisible()) {
				return Optional.of(link);
			}
		}
		return Optional.empty();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}
}
