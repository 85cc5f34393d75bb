/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttConnect;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.mqttdevices.core.explorer.BrokerConnection;
import io.mqttdevices.core.explorer.ConnectionProfile;
import io.mqttdevices.core.explorer.MqttVersion;
import io.mqttdevices.core.explorer.TopicTree;

/**
 * The explorer benchmark (run by benchmarks/cases/explorer.sh, never as a test). Starts a loopback Mosquitto,
 * then floods it three times with the same messages from a separate publisher process: once with mosquitto_sub
 * subscribed, once with a bare Paho client that only counts ({@link BarePaho}), once with the explorer's connection
 * and topic tree. Each subscriber's rate is the messages it received divided by the time from its first to its last
 * message. Prints key=value lines.
 */
public final class ExplorerBench {

	private static final long IDLE_END_MS = 3_000;

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("publish")) {
			publish(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]));
			return;
		}
		int messages = Integer.getInteger("messages", 1_000_000);
		int topics = Integer.getInteger("topics", 10_000);
		int payload = Integer.getInteger("payload", 16);
		String version = System.getProperty("mqtt", "5");
		Path dir = Files.createTempDirectory("explorer-bench");
		int port = freePort();
		Process broker = startBroker(dir, port);
		try {
			Result sub = runMosquittoSub(port, messages, topics, payload);
			print("mosquitto_sub", sub, messages);
			Result paho = runBarePaho(port, messages, topics, payload, version);
			print("paho", paho, messages);
			Result explorer = runExplorer(port, messages, topics, payload, version, Boolean.getBoolean("ui"));
			print("explorer", explorer, messages);
			System.out.printf("explorer.ratio=%.2f%n", explorer.rate() / sub.rate());
			System.out.printf("paho.ratio=%.2f%n", paho.rate() / sub.rate());
			System.out.printf("explorer.vs_paho=%.2f%n", explorer.rate() / paho.rate());
			System.out.printf("explorer.heap_mb=%d%n", explorer.heapMb());
			System.out.printf("explorer.stored_messages=%d%n", explorer.stored());
			if (explorer.ui() != null) {
				System.out.printf("explorer.ui_max_delay_ms=%d%n", explorer.ui()[0]);
				System.out.printf("explorer.ui_refreshes=%d%n", explorer.ui()[1]);
				System.out.printf("explorer.ui_slowest_refresh_ms=%d%n", explorer.ui()[2]);
				System.out.printf("explorer.ui_open_tree_ms=%d%n", explorer.ui()[3]);
				System.out.printf("explorer.ui_p99_delay_ms=%d%n", explorer.ui()[4]);
				System.out.printf("explorer.ui_cpu_ms=%d%n", explorer.ui()[5]);
			}
		} finally {
			broker.destroy();
			if (!broker.waitFor(5, TimeUnit.SECONDS)) {
				broker.destroyForcibly();
			}
		}
	}

	private static void print(String who, Result r, int sent) {
		System.out.printf("%s.msgs_per_s=%.0f%n", who, r.rate());
		System.out.printf("%s.received=%d%n", who, r.received());
		System.out.printf("%s.lost=%d%n", who, sent - r.received());
		System.out.printf("%s.flood_msgs_per_s=%.0f%n", who, r.floodRate());
		if (r.received() > 0) {
			// CPU time per message: a figure that load on the machine disturbs far less than a rate
			System.out.printf("%s.cpu_us_per_msg=%.2f%n", who, r.cpuNs() / 1e3 / r.received());
		}
	}

	/** Received count, first and last arrival (ns), the publisher's own rate, heap after the run. */
	record Result(long received, long firstNs, long lastNs, double floodRate, long heapMb, long stored, long[] ui,
			long cpuNs) {
		double rate() {
			return lastNs > firstNs ? received * 1e9 / (lastNs - firstNs) : 0;
		}
	}

	private static Result runMosquittoSub(int port, int messages, int topics, int payload) throws Exception {
		Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1",
				"-v", "-t", "bench/#").redirectError(ProcessBuilder.Redirect.INHERIT).start();
		AtomicLong count = new AtomicLong();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		AtomicLong probes = new AtomicLong();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(sub.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16)) {
				String line;
				while ((line = in.readLine()) != null) {
					if (line.startsWith("bench/probe")) {
						probes.incrementAndGet();
						continue;
					}
					long now = System.nanoTime();
					if (count.getAndIncrement() == 0) {
						first.set(now);
					}
					last.set(now);
				}
			} catch (IOException e) {
				// process ended
			}
		});
		reader.start();
		long cpuNs;
		try {
			waitForProbe(port, probes::get);
			long before = cpuNanos(sub.toHandle());
			flood(port, messages, topics, payload);
			awaitEnd(count::get, messages);
			cpuNs = cpuNanos(sub.toHandle()) - before;
		} finally {
			sub.destroy();
			sub.waitFor(5, TimeUnit.SECONDS);
			reader.join(5000);
		}
		return new Result(count.get(), first.get(), last.get(), lastFlood, 0, 0, null, cpuNs);
	}

	private static double lastFlood;

	private static Result runBarePaho(int port, int messages, int topics, int payload, String version)
			throws Exception {
		try (BarePaho paho = BarePaho.connect(port, !version.equals("3"))) {
			long cpuBefore = cpuNanos(ProcessHandle.current());
			flood(port, messages, topics, payload);
			awaitEnd(paho.count::get, messages);
			long cpuNs = cpuNanos(ProcessHandle.current()) - cpuBefore;
			return new Result(paho.count.get(), paho.first.get(), paho.last.get(), lastFlood, 0, 0, null, cpuNs);
		}
	}

	private static Result runExplorer(int port, int messages, int topics, int payload, String version, boolean ui)
			throws Exception {
		ConnectionProfile profile = ConnectionProfile.of("127.0.0.1", port)
				.withVersion(version.equals("3") ? MqttVersion.V3_1_1 : MqttVersion.V5)
				.withSubscriptions(List.of("bench/#"));
		TopicTree tree = new TopicTree(TopicTree.DEFAULT_HISTORY_PER_TOPIC,
				Long.getLong("budgetMb", TopicTree.DEFAULT_BUDGET_BYTES / (1024 * 1024)) * 1024 * 1024);
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		try (BrokerConnection connection = new BrokerConnection(profile, null, null, tree)) {
			connection.connect();
			// the whole process from here: MQTT client, tree, the UI's refreshes, garbage collection
			long cpuBefore = cpuNanos(ProcessHandle.current());
			Thread watcher = new Thread(() -> watch(tree, first, last, messages));
			watcher.setDaemon(true);
			watcher.start();
			Runnable floodAndWait = () -> {
				try {
					flood(port, messages, topics, payload);
					awaitEnd(() -> tree.root().totalCount(), messages);
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			};
			long[] uiFigures = null;
			if (ui) {
				uiFigures = UiProbe.run(tree, floodAndWait);
			} else {
				floodAndWait.run();
			}
			watcher.interrupt();
			watcher.join(2000);
			long cpuNs = cpuNanos(ProcessHandle.current()) - cpuBefore;
			long received = tree.root().totalCount();
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(200);
			}
			Runtime rt = Runtime.getRuntime();
			long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
			// of which the histories' pages: large arrays the collector never copies
			System.out.printf("explorer.history_heap_mb=%d%n", tree.historyHeapBytes() / (1024 * 1024));
			return new Result(received, first.get(), last.get(), lastFlood, heap, tree.storedMessages(), uiFigures,
					cpuNs);
		}
	}

	private static long cpuNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
	}

	/** Notes when the tree's count first moves and when it last moved, polling every millisecond at most. */
	private static void watch(TopicTree tree, AtomicLong first, AtomicLong last, int messages) {
		// the generation moves before any message too (setting the tree's limits): the flood starts from here
		long seen = tree.generation();
		boolean started = false;
		while (!Thread.currentThread().isInterrupted()) {
			long gen = tree.generation();
			if (gen != seen) {
				long now = System.nanoTime();
				if (!started) {
					first.set(now);
					started = true;
				}
				last.set(now);
				seen = gen;
			}
			try {
				// a millisecond in ~10 s of flood is 0.01 %; polling faster steals the CPU the explorer is measured on
				Thread.sleep(1);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	private static void awaitEnd(LongSupplier count, int messages) throws InterruptedException {
		long lastCount = -1;
		long lastChange = System.currentTimeMillis();
		while (count.getAsLong() < messages) {
			long c = count.getAsLong();
			if (c != lastCount) {
				lastCount = c;
				lastChange = System.currentTimeMillis();
			} else if (System.currentTimeMillis() - lastChange > IDLE_END_MS) {
				return;
			}
			Thread.sleep(5);
		}
	}

	/** Publishes probes until the subscriber shows it receives, so the flood is not sent before it listens. */
	private static void waitForProbe(int port, LongSupplier probes) throws Exception {
		MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "bench-probe", new MemoryPersistence());
		client.connect().waitForCompletion(10_000);
		long end = System.currentTimeMillis() + 10_000;
		while (probes.getAsLong() == 0 && System.currentTimeMillis() < end) {
			client.publish("bench/probe", new byte[] { 'p' }, 0, false).waitForCompletion(5000);
			Thread.sleep(100);
		}
		client.disconnect().waitForCompletion(5000);
		client.close();
		if (probes.getAsLong() == 0) {
			throw new IllegalStateException("mosquitto_sub never received the probe");
		}
	}

	/** Runs the publisher in its own JVM, so its work and garbage stay out of the subscriber's process. */
	private static double flood(int port, int messages, int topics, int payload) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "ExplorerBench", "publish",
				String.valueOf(port), String.valueOf(messages), String.valueOf(topics), String.valueOf(payload))
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
			throw new IllegalStateException("publisher failed: " + out);
		}
		lastFlood = Double.parseDouble(out);
		return lastFlood;
	}

	/**
	 * The publisher process: QoS 0 PUBLISH packets encoded by Paho's own wire classes, written through one buffered
	 * socket, so the flood is as fast as the broker reads (Paho's client API tops out near 50,000 messages/s,
	 * below what Mosquitto delivers). Prints its rate.
	 */
	private static void publish(int port, int messages, int topics, int payloadSize) throws Exception {
		byte[] payload = new byte[payloadSize];
		java.util.Arrays.fill(payload, (byte) '7');
		byte[][] packets = new byte[topics][];
		for (int i = 0; i < topics; i++) {
			MqttMessage m = new MqttMessage(payload);
			m.setQos(0);
			packets[i] = bytes(new MqttPublish("bench/" + (i % 100) + "/" + i, m));
		}
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setTcpNoDelay(true);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
			out.write(bytes(new MqttConnect("bench-flood", 4, true, 60, null, null, null, null)));
			out.flush();
			byte[] connack = socket.getInputStream().readNBytes(4);
			if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
				throw new IOException("broker refused the flood publisher");
			}
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				out.write(packets[i % topics]);
			}
			out.flush();
			double rate = messages * 1e9 / (System.nanoTime() - start);
			out.write(new byte[] { (byte) 0xE0, 0 }); // DISCONNECT
			out.flush();
			System.out.printf("%.0f%n", rate);
		}
	}

	private static byte[] bytes(MqttWireMessage message) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(message.getHeader());
		bytes.write(message.getPayload());
		return bytes.toByteArray();
	}

	private static Process startBroker(Path dir, int port) throws Exception {
		List<String> config = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
				"allow_anonymous true", "log_type error", "max_queued_messages 0", "max_inflight_messages 0"));
		if ("root".equals(System.getProperty("user.name"))) {
			config.add("user root");
		}
		Path conf = Files.write(dir.resolve("mosquitto.conf"), config);
		Process broker = new ProcessBuilder("mosquitto", "-c", conf.toString())
				.redirectOutput(dir.resolve("mosquitto.log").toFile()).redirectErrorStream(true).start();
		long end = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < end) {
			try (Socket s = new Socket("127.0.0.1", port)) {
				return broker;
			} catch (IOException e) {
				Thread.sleep(50);
			}
		}
		broker.destroyForcibly();
		throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
