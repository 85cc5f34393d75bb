/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ServiceCaller;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.mqtt.MqttSettings;

/**
 * An MQTT broker inside the IDE (Moquette), for users without one. It keeps everything in memory, sends no
 * telemetry, listens on loopback unless told otherwise, and refuses to listen on the LAN without credentials.
 * <p>
 * Moquette 0.17 speaks MQTT 3.1 and 3.1.1 only ({@link #MQTT_VERSION}): an MQTT 5 client is refused.
 * <p>
 * In the IDE there is one, the OSGi service {@link #ide()}, stopped when the core bundle stops (the IDE closes).
 * Tests make their own.
 */
public class LocalBroker {

	/** The MQTT version the local broker speaks: 3.1.1 (Paho's {@code MqttConnectOptions.MQTT_VERSION_3_1_1}). */
	public static final int MQTT_VERSION = 4;

	/** The name of {@link #defaultProfile()}. */
	public static final String PROFILE_NAME = "Local broker"; //$NON-NLS-1$

	private final List<LocalBrokerListener> listeners = new CopyOnWriteArrayList<>();
	/** Changed under this object's lock; read without it, so broker threads asking for the status never wait. */
	private volatile Running running;

	/**
	 * The IDE's local broker, the one the commands, status line and explorer share; empty outside a running IDE.
	 */
	public static Optional<LocalBroker> ide() {
		AtomicReference<LocalBroker> broker = new AtomicReference<>();
		ServiceCaller.callOnce(LocalBroker.class, LocalBroker.class, broker::set);
		return Optional.ofNullable(broker.get());
	}

	/**
	 * Starts the broker, or does nothing when it already runs with this configuration.
	 *
	 * @throws LocalBrokerException with a message for the user: a bad configuration, the port in use, another
	 *                              configuration already running
	 */
	public synchronized LocalBrokerStatus start(LocalBrokerConfig newConfig) throws LocalBrokerException {
		String problem = newConfig.problem();
		if (problem != null) {
			throw new LocalBrokerException(problem);
		}
		Running current = running;
		if (current != null) {
			if (current.config().bindAddress().equals(newConfig.bindAddress())
					&& current.config().port() == newConfig.port()) {
				return status();
			}
			throw new LocalBrokerException("The local broker already runs on " + status().address() //$NON-NLS-1$
					+ ": stop it first."); //$NON-NLS-1$
		}
		if (somethingListens(newConfig)) {
			throw new LocalBrokerException(inUse(newConfig));
		}
		Server starting = new Server();
		try {
			starting.startServer(moquetteConfig(newConfig), List.of(new ClientCounter(this::fireStatus)), null,
					newConfig.requiresCredentials()
							? new CredentialsAuthenticator(newConfig.username(), newConfig.password())
							: null,
					null);
		} catch (IOException | RuntimeException e) {
			stopQuietly(starting);
			throw new LocalBrokerException(startFailure(newConfig, e), e);
		}
		Running started = new Running(starting, newConfig, ConcurrentHashMap.newKeySet());
		if (!new OversizedMessages((clientId, bytes) -> refused(started, clientId, bytes)).installIn(starting)) {
			ILog.of(getClass()).warn("This Moquette cannot report messages refused for their size"); //$NON-NLS-1$
		}
		running = started;
		ILog.of(getClass()).info("Local broker started on " + newConfig.bindAddress() //$NON-NLS-1$
				+ ":" + newConfig.port()); //$NON-NLS-1$
		LocalBrokerStatus status = status();
		fire(status);
		return status;
	}

	/** Stops the broker and disconnects its clients; does nothing when it is stopped. */
	public void stop() {
		synchronized (this) {
			Running current = running;
			if (current == null) {
				return;
			}
			running = null;
			stopQuietly(current.server());
		}
		ILog.of(getClass()).info("Local broker stopped"); //$NON-NLS-1$
		fire(LocalBrokerStatus.STOPPED);
	}

	public boolean isRunning() {
		return running != null;
	}

	/** Running or not, where, and how many clients are connected. */
	public LocalBrokerStatus status() {
		Running current = running;
		if (current == null) {
			return LocalBrokerStatus.STOPPED;
		}
		LocalBrokerConfig config = current.config();
		return new LocalBrokerStatus(true, config.bindAddress(), config.port(),
				current.server().listConnectedClients().size(), config.requiresCredentials());
	}

	/**
	 * How a client on this computer reaches the running broker: host (127.0.0.1 unless it listens on one LAN
	 * address), port and the credentials it requires; empty while stopped. Connect with MQTT 3.1.1
	 * ({@link #MQTT_VERSION}).
	 */
	public Optional<MqttSettings> defaultConnection(String clientId) {
		Running current = running;
		if (current == null) {
			return Optional.empty();
		}
		LocalBrokerConfig config = current.config();
		char[] password = config.requiresCredentials() ? config.password().clone() : null;
		return Optional.of(new MqttSettings(config.connectHost(), config.port(), clientId,
				config.requiresCredentials() ? config.username() : null, password));
	}

	/**
	 * The running broker as the explorer's connection when the user has no profile: MQTT 3.1.1, its host, port and
	 * username, every topic; the password (if any) is {@code defaultConnection(clientId).password()}. Empty while
	 * stopped.
	 */
	public Optional<ConnectionProfile> defaultProfile() {
		return defaultConnection("").map(settings -> ConnectionProfile.of(settings.host(), settings.port()) //$NON-NLS-1$
				.withName(PROFILE_NAME).withVersion(MqttVersion.V3_1_1).withUsername(settings.username()));
	}

	/**
	 * Reports a message refused for its size: to the listeners every time, to the log the first time for each
	 * client (a board repeats its message every few seconds). Moquette has closed the sender's connection.
	 */
	private void refused(Running where, String clientId, long bytes) {
		String message = refusalMessage(clientId, bytes, where.config().maxMessageBytes());
		if (where.loggedRefusals().add(String.valueOf(clientId))) {
			ILog.of(getClass()).warn(message);
		}
		for (LocalBrokerListener listener : listeners) {
			try {
				listener.messageRefused(message);
			} catch (RuntimeException e) {
				ILog.of(getClass()).error("A local broker listener failed", e); //$NON-NLS-1$
			}
		}
	}

	/** For the user: what was refused, from whom, the limit and where to raise it. */
	static String refusalMessage(String clientId, long bytes, int limit) {
		String size = bytes < 0 ? "a message" //$NON-NLS-1$
				: String.format(Locale.ROOT, "a message of %,d bytes", bytes); //$NON-NLS-1$
		String from = clientId == null || clientId.isEmpty() ? "" : " from " + clientId; //$NON-NLS-1$ //$NON-NLS-2$
		return String.format(Locale.ROOT,
				"The local broker refused %s%s and closed that connection: its limit is %,d bytes" //$NON-NLS-1$
						+ " (Preferences > MQTT Devices > Local Broker).", //$NON-NLS-1$
				size, from, limit);
	}

	public void addListener(LocalBrokerListener listener) {
		listeners.add(listener);
	}

	public void removeListener(LocalBrokerListener listener) {
		listeners.remove(listener);
	}

	private void fireStatus() {
		fire(status());
	}

	private void fire(LocalBrokerStatus status) {
		for (LocalBrokerListener listener : listeners) {
			try {
				listener.statusChanged(status);
			} catch (RuntimeException e) {
				ILog.of(getClass()).error("A local broker listener failed", e); //$NON-NLS-1$
			}
		}
	}

	private static IConfig moquetteConfig(LocalBrokerConfig config) {
		Properties properties = new Properties();
		properties.setProperty(IConfig.HOST_PROPERTY_NAME, config.bindAddress());
		properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(config.port()));
		properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(!config.requiresCredentials()));
		properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, Boolean.FALSE.toString());
		properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, Boolean.FALSE.toString());
		properties.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(config.maxMessageBytes()));
		// mosquitto_pub and mosquitto_sub connect with an empty client id unless given -i: MQTT 3.1.1 lets the
		// broker assign one, Moquette refuses it ("identifier rejected") unless told otherwise
		properties.setProperty("allow_zero_byte_client_id", Boolean.TRUE.toString()); //$NON-NLS-1$
		// SO_REUSEADDR lets the broker bind its port again while connections it closed wait in TIME-WAIT (a
		// minute on Linux), so Stop then Start works at once; it never lets two listeners share a port (that is
		// SO_REUSEPORT), so a port another program listens on still fails with "in use"
		properties.setProperty("netty.so_reuseaddr", Boolean.TRUE.toString()); //$NON-NLS-1$
		return new MemoryConfig(properties);
	}

	/**
	 * Whether a program already accepts connections where the broker would listen. Linux refuses the bind then
	 * anyway; BSD and macOS let a bind with SO_REUSEADDR on 127.0.0.1 pass a listener on every interface.
	 */
	private static boolean somethingListens(LocalBrokerConfig config) {
		try (Socket probe = new Socket()) {
			probe.connect(new InetSocketAddress(config.connectHost(), config.port()), 500);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static String inUse(LocalBrokerConfig config) {
		return "Port " + config.port() + " on " + config.bindAddress() //$NON-NLS-1$ //$NON-NLS-2$
				+ " is already in use (another broker?), or cannot be opened: choose another port in" //$NON-NLS-1$
				+ " Preferences > MQTT Devices > Local Broker, or stop the other program."; //$NON-NLS-1$
	}

	private static String startFailure(LocalBrokerConfig config, Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return inUse(config);
			}
		}
		return "The local broker could not start on " + config.bindAddress() //$NON-NLS-1$
				+ ":" + config.port() + ": " + error.getMessage(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void stopQuietly(Server stopping) {
		try {
			stopping.stopServer();
		} catch (RuntimeException e) {
			// a broker that failed half-way may have parts missing; what could be closed is closed
			ILog.of(getClass()).warn("Local broker did not stop cleanly", e); //$NON-NLS-1$
		}
	}

	/** A started broker; loggedRefusals: the clients whose too large message was logged already. */
	private record Running(Server server, LocalBrokerConfig config, Set<String> loggedRefusals) {
	}
}
