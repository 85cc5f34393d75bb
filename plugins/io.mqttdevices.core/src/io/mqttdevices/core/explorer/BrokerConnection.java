/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One open connection of the explorer: a Paho client (MQTT 5 or 3.1.1 as the profile says) feeding its
 * {@link TopicTree}. After a loss, it tries again with backoff ({@value #RECONNECT_MIN_S} s doubling to
 * {@value #RECONNECT_MAX_S} s), says when the next try is ({@link #nextTryAt()}) and tries at once when asked
 * ({@link #reconnectNow()}); once back it subscribes again, and the tree keeps everything it had.
 * The state and a message for the user are reported to listeners, on whatever thread noticed the change.
 * Several connections can be open at once, each with its own client and tree.
 */
public final class BrokerConnection implements AutoCloseable {

	public static final int RECONNECT_MIN_S = 1;
	public static final int RECONNECT_MAX_S = 30;
	public static final long TIMEOUT_MS = 10_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss"); //$NON-NLS-1$

	private final ConnectionProfile profile;
	private final char[] password;
	private final char[] keyPassword;
	private final TopicTree tree;
	private final List<Subscription> subscriptions;
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private volatile ClientAdapter client;
	private volatile State state = State.DISCONNECTED;
	private volatile String message = ""; //$NON-NLS-1$
	private volatile int reconnects;
	private volatile boolean closing;
	private volatile boolean retrying;
	private volatile Reconnector reconnector;

	/** The connection's states as the view shows them. */
	public enum State {
		DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, FAILED
	}

	/** Told of every state change. */
	@FunctionalInterface
	public interface Listener {
		void stateChanged(BrokerConnection connection, State state, String message);
	}

	/** Secrets are copied and held only while the connection lives. */
	public BrokerConnection(ConnectionProfile profile, char[] password, char[] keyPassword, TopicTree tree) {
		this.profile = profile;
		this.password = password == null ? null : password.clone();
		this.keyPassword = keyPassword == null ? null : keyPassword.clone();
		this.tree = tree;
		this.subscriptions = new CopyOnWriteArrayList<>(profile.subscriptions());
	}

	public ConnectionProfile profile() {
		return profile;
	}

	public TopicTree tree() {
		return tree;
	}

	public State state() {
		return state;
	}

	/** One sentence on the state: empty when connected, why when failed or reconnecting. */
	public String message() {
		return message;
	}

	/** How often the connection came back after a loss. */
	public int reconnects() {
		return reconnects;
	}

	/** The subscriptions now, each filter with its QoS. */
	public List<Subscription> subscriptions() {
		return List.copyOf(subscriptions);
	}

	/** The subscribed filters, without their QoS. */
	public List<String> filters() {
		return Subscription.filters(subscriptions);
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Connects and subscribes, waiting at most {@link #TIMEOUT_MS} for each; the error says what went wrong. */
	public void connect() throws ConnectionException {
		if (state == State.CONNECTED || state == State.RECONNECTING) {
			return;
		}
		closing = false;
		reconnector = new Reconnector(this::retry, "MQTT reconnect " + profile.name()); //$NON-NLS-1$
		setState(State.CONNECTING, ""); //$NON-NLS-1$
		ClientAdapter adapter = profile.version() == MqttVersion.V5 ? new V5Client(new Events())
				: new V3Client(new Events());
		client = adapter;
		try {
			adapter.connect(profile, password, TlsSockets.of(profile, keyPassword), TIMEOUT_MS);
			subscribe(adapter, subscriptions);
		} catch (Exception e) {
			adapter.close(0);
			Throwable cause = TlsVerdict.explain(e, profile, keyPassword, TIMEOUT_MS);
			ConnectionException error = ConnectionErrors.describe(cause, profile);
			setState(State.FAILED, error.getMessage());
			throw error;
		}
		setState(State.CONNECTED, ""); //$NON-NLS-1$
	}

	/**
	 * Replaces the subscriptions; while connected, subscribes to the new filters (and to those whose QoS changed:
	 * subscribing again replaces the QoS) and drops the old at once.
	 */
	public void setSubscriptions(List<Subscription> newSubscriptions) throws ConnectionException {
		List<Subscription> added = new ArrayList<>(newSubscriptions);
		added.removeAll(subscriptions);
		List<String> removed = filters();
		removed.removeAll(Subscription.filters(newSubscriptions));
		ClientAdapter adapter = client;
		if (adapter != null && adapter.isConnected()) {
			try {
				if (!removed.isEmpty()) {
					adapter.unsubscribe(removed, TIMEOUT_MS);
				}
				subscribe(adapter, added);
			} catch (Exception e) {
				throw ConnectionErrors.describe(e, profile);
			}
		}
		subscriptions.clear();
		subscriptions.addAll(newSubscriptions);
	}

	/** Subscribes to each filter at its QoS: one SUBSCRIBE per QoS, as the clients take one QoS for many filters. */
	private static void subscribe(ClientAdapter adapter, List<Subscription> subs) throws Exception {
		Map<Integer, List<String>> byQos = new TreeMap<>();
		for (Subscription s : subs) {
			byQos.computeIfAbsent(s.qos(), q -> new ArrayList<>()).add(s.filter());
		}
		for (Map.Entry<Integer, List<String>> group : byQos.entrySet()) {
			adapter.subscribe(group.getValue(), group.getKey(), TIMEOUT_MS);
		}
	}

	/** Publishes and waits for the broker's acknowledgement (QoS 1 and 2) or the send (QoS 0). */
	public void publish(OutgoingMessage outgoing) throws ConnectionException {
		ClientAdapter adapter = connectedClient();
		try {
			adapter.publish(outgoing, TIMEOUT_MS);
		} catch (IllegalArgumentException e) {
			throw new ConnectionException(ConnectionException.Kind.PROTOCOL, e.getMessage(), e);
		} catch (Exception e) {
			throw ConnectionErrors.describe(e, profile);
		}
	}

	/**
	 * Deletes the retained message of each topic (an empty retained message, as MQTT defines it). Returns how many
	 * were deleted.
	 */
	public int deleteRetained(List<String> topics) throws ConnectionException {
		int deleted = 0;
		for (String topic : topics) {
			publish(OutgoingMessage.of(topic, new byte[0], 1, true));
			deleted++;
		}
		return deleted;
	}

	/** Deletes every retained message the tree knows at or under this node. */
	public int deleteRetained(TopicNode subtree) throws ConnectionException {
		return deleteRetained(tree.retainedTopics(subtree));
	}

	/** When the next try to reconnect is (epoch milliseconds); 0 when none is planned. */
	public long nextTryAt() {
		Reconnector planned = reconnector;
		return planned == null ? 0 : planned.nextTryAt();
	}

	/** While reconnecting, tries now instead of at {@link #nextTryAt()}; false when no try was planned. */
	public boolean reconnectNow() {
		Reconnector planned = reconnector;
		if (closing || planned == null || !planned.now()) {
			return false;
		}
		setState(State.RECONNECTING, "Reconnecting to " + where() + " now..."); //$NON-NLS-1$ //$NON-NLS-2$
		return true;
	}

	@Override
	public void close() {
		closing = true;
		Reconnector planned = reconnector;
		if (planned != null) {
			planned.stop();
		}
		ClientAdapter adapter = client;
		if (adapter != null) {
			adapter.close(TIMEOUT_MS);
		}
		setState(State.DISCONNECTED, ""); //$NON-NLS-1$
	}

	private ClientAdapter connectedClient() throws ConnectionException {
		ClientAdapter adapter = client;
		if (adapter == null || !adapter.isConnected()) {
			throw new ConnectionException(ConnectionException.Kind.LOST,
					"Not connected to " + profile.name() + (state == State.RECONNECTING ? " (reconnecting)." : "."), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					null);
		}
		return adapter;
	}

	/** One try to reconnect, on the reconnector's thread: connect the same client again and subscribe. */
	private void retry() {
		ClientAdapter adapter = client;
		if (closing || adapter == null) {
			return;
		}
		retrying = true;
		try {
			if (!adapter.isConnected()) {
				adapter.reconnect(TIMEOUT_MS);
			}
			subscribe(adapter, List.copyOf(subscriptions));
		} catch (Exception e) {
			retrying = false;
			if (!closing) {
				Reconnector planned = reconnector;
				setState(State.RECONNECTING, why(e) + " " + nextTry(planned.afterFailure())); //$NON-NLS-1$
			}
			return;
		} finally {
			retrying = false;
		}
		if (!closing) {
			reconnects++;
			setState(State.CONNECTED, ""); //$NON-NLS-1$
		}
	}

	/** Why the connection was lost or a try failed: a broker that closed it went away, not a TLS mismatch. */
	private String why(Throwable cause) {
		ConnectionException described = cause == null ? null : ConnectionErrors.describe(cause, profile);
		if (described == null || described.kind() == ConnectionException.Kind.LOST) {
			return "The broker at " + where() + " went away (it closed the connection)."; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return described.getMessage();
	}

	private static String nextTry(long at) {
		return at == 0 ? "" : "Next try at " //$NON-NLS-1$ //$NON-NLS-2$
				+ TIME.format(Instant.ofEpochMilli(at).atZone(ZoneId.systemDefault())) + "."; //$NON-NLS-1$
	}

	private String where() {
		return profile.host() + ':' + profile.port();
	}

	private void setState(State newState, String newMessage) {
		state = newState;
		message = newMessage;
		for (Listener listener : listeners) {
			listener.stateChanged(this, newState, newMessage);
		}
	}

	/** Paho's callbacks: messages into the tree, losses and reconnections into the state. */
	private final class Events implements ClientAdapter.Events {

		@Override
		public void messageArrived(String topic, TopicMessage arrived) {
			tree.add(topic, arrived);
		}

		@Override
		public void connected(boolean reconnect) {
			// the first connection and every reconnection are made by this connection, which subscribes itself
		}

		@Override
		public void lost(Throwable cause) {
			Reconnector planned = reconnector;
			if (closing || retrying || planned == null) {
				return;
			}
			setState(State.RECONNECTING, why(cause) + " " + nextTry(planned.afterLoss())); //$NON-NLS-1$
		}
	}
}
