/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mqttdevices.core.board.ExecResult;
import io.mqttdevices.core.board.FileSync;
import io.mqttdevices.core.board.RawRepl;
import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.core.board.SyncReport;
import io.mqttdevices.core.serial.SerialConnection;
import io.mqttdevices.core.serial.SerialPorts;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * Not a test: the upload benchmark, run by {@code benchmarks/run upload} (its name keeps it out of test runs). It
 * uploads to the simulated board throttled to 115200 baud (11,520 B/s each way) and writes {@code key=value}
 * figures to the file named by {@value #OUT_PROPERTY}. Nothing is asserted: the figures are the result.
 * <p>
 * Then, for every board profile of the simulator ({@code ideal} throttled to 115200 baud, {@code esp8266},
 * {@code esp32}, {@code usb-cdc}), the cases text, binary and compressible with the default settings, each beside a
 * naive reference transfer on the same board in the same run (256-byte {@code repr()} chunks, one command each, no
 * compression, as the common tools do), and the no-op sync of 50 files: {@code upload.<profile>.<case>.vs_naive}
 * (naive session time over ours), {@code upload.<profile>.<case>.session.ratio} (our whole sync to the line rate;
 * for {@code usb-cdc}, which has no line rate, the same as {@code vs_naive}), {@code sync.<profile>.noop.seconds}.
 */
class UploadBenchmark {

	static final String OUT_PROPERTY = "mqttdevices.benchmark.out"; //$NON-NLS-1$
	private static final double LINE_RATE = 11_520;
	private static final int SIZE = 64 * 1024;
	/** Environment variable: a comma-separated list of profiles to run, alone (without the first part). */
	static final String PROFILES_ENV = "UPLOAD_BENCH_PROFILES"; //$NON-NLS-1$

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create().throttled(115200);

	private final List<String> figures = new ArrayList<>();

	@Test
	void upload() throws Exception {
		String only = System.getenv(PROFILES_ENV);
		boolean all = only == null || only.isBlank();
		Random random = new Random(42);
		byte[] text = sourceLikeText(random, SIZE);
		byte[] text2 = sourceLikeText(random, SIZE);
		byte[] binary = new byte[SIZE];
		random.nextBytes(binary);
		Map<String, byte[]> project = new TreeMap<>();
		for (int i = 0; i < 50; i++) {
			project.put((i < 20 ? "lib/" : "") + "module" + i + ".py", sourceLikeText(random, 500 + random.nextInt(3000)));
		}
		if (all) {
			transfer("text", "text.py", text, SyncOptions.defaults().withCompress(false));
			transfer("text.deflate", "text2.py", text2, SyncOptions.defaults());
			transfer("binary", "data.bin", binary, SyncOptions.defaults());
			transfer("compressible", "generated.py", generatedCode(SIZE), SyncOptions.defaults());
			sync(project, SyncOptions.defaults());
			SyncReport noop = sync(project, SyncOptions.defaults());
			figures.add("sync.noop.uploaded=" + noop.uploaded().size());
			figures.add(String.format(Locale.ROOT, "sync.noop.seconds=%.2f", noop.totalTime().toNanos() / 1e9));
			write();
		}

		List<String> profiles = all
				? List.of(SimulatedBoard.IDEAL, SimulatedBoard.ESP8266, SimulatedBoard.ESP32, SimulatedBoard.USB_CDC)
				: List.of(only.strip().split("\\s*,\\s*")); //$NON-NLS-1$
		for (String profile : profiles) {
			SimulatedBoard other = SimulatedBoard.create().profile(profile);
			if (profile.equals(SimulatedBoard.IDEAL)) {
				other.throttled(115200);
			}
			other.beforeEach(null);
			try {
				profile(profile, other, project);
			} catch (IOException e) {
				// one profile's failure is a figure too; the others still run
				figures.add("upload." + profile + ".error=" + e.getMessage().replace('\n', ' ')); //$NON-NLS-1$ //$NON-NLS-2$
				System.out.println("benchmark: " + profile + " failed: " + e + "\n" + other.log()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} finally {
				other.afterEach(null);
			}
			write();
		}
	}

	private void profile(String profile, SimulatedBoard on, Map<String, byte[]> project) throws Exception {
		Random random = new Random(42);
		Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
		cases.put("text", sourceLikeText(random, SIZE));
		byte[] binary = new byte[SIZE];
		random.nextBytes(binary);
		cases.put("binary", binary);
		cases.put("compressible", generatedCode(SIZE));
		boolean usb = profile.equals(SimulatedBoard.USB_CDC);
		for (Map.Entry<String, byte[]> c : cases.entrySet()) {
			String key = "upload." + profile + "." + c.getKey(); //$NON-NLS-1$ //$NON-NLS-2$
			byte[] content = c.getValue();
			SyncReport ours = sync(on, Map.of(c.getKey() + ".dat", content), SyncOptions.defaults()); //$NON-NLS-1$
			double oursSeconds = ours.totalTime().toNanos() / 1e9;
			double naiveSeconds = naive(on, "naive-" + c.getKey() + ".dat", content); //$NON-NLS-1$ //$NON-NLS-2$
			double vsNaive = naiveSeconds / oursSeconds;
			figures.add(String.format(Locale.ROOT, "%s.seconds=%.2f", key, oursSeconds)); //$NON-NLS-1$
			figures.add(String.format(Locale.ROOT, "%s.naive.seconds=%.2f", key, naiveSeconds)); //$NON-NLS-1$
			figures.add(String.format(Locale.ROOT, "%s.session.ratio=%.3f", key, //$NON-NLS-1$
					usb ? vsNaive : content.length / oursSeconds / LINE_RATE));
			figures.add(String.format(Locale.ROOT, "%s.vs_naive=%.2f", key, vsNaive)); //$NON-NLS-1$
			System.out.println("benchmark: " + key + " done"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		sync(on, project, SyncOptions.defaults());
		SyncReport noop = sync(on, project, SyncOptions.defaults());
		figures.add("sync." + profile + ".noop.uploaded=" + noop.uploaded().size()); //$NON-NLS-1$ //$NON-NLS-2$
		figures.add(String.format(Locale.ROOT, "sync.%s.noop.seconds=%.2f", profile, noop.totalTime().toNanos() / 1e9)); //$NON-NLS-1$
	}

	private static SyncReport sync(SimulatedBoard on, Map<String, byte[]> files, SyncOptions options)
			throws IOException {
		try (SerialConnection port = SerialPorts.open(on.path(), 115200)) {
			return new FileSync(new RawRepl(port, Duration.ofSeconds(10)), options).sync(files,
					new NullProgressMonitor());
		}
	}

	/**
	 * The reference: a file sent as the common tools send it (mpremote's {@code fs cp}): open, one raw-paste command
	 * per 256 bytes with the bytes as Python's {@code repr()}, close; the whole session timed. Checked on the
	 * board's flash afterwards.
	 */
	private static double naive(SimulatedBoard on, String name, byte[] content) throws IOException {
		long start = System.nanoTime();
		try (SerialConnection port = SerialPorts.open(on.path(), 115200)) {
			RawRepl repl = new RawRepl(port, Duration.ofSeconds(10));
			repl.enter();
			check(repl.exec("f=open('" + name + "','wb')\nw=f.write\n")); //$NON-NLS-1$ //$NON-NLS-2$
			for (int i = 0; i < content.length; i += 256) {
				check(repl.exec("w(" + repr(content, i, Math.min(content.length, i + 256)) + ")")); //$NON-NLS-1$ //$NON-NLS-2$
			}
			check(repl.exec("f.close()\n")); //$NON-NLS-1$
			repl.exit();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!java.util.Arrays.equals(content, Files.readAllBytes(on.flashDir().resolve(name)))) {
			throw new IOException("the naive transfer wrote " + name + " wrong"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return seconds;
	}

	private static void check(ExecResult result) throws IOException {
		if (result.failed()) {
			throw new IOException("the naive transfer failed: " + result.errorSummary()); //$NON-NLS-1$
		}
	}

	/** Python's repr() of bytes (with single quotes). */
	static String repr(byte[] data, int from, int to) {
		StringBuilder out = new StringBuilder("b'"); //$NON-NLS-1$
		for (int i = from; i < to; i++) {
			int b = data[i] & 0xff;
			switch (b) {
			case '\\' -> out.append("\\\\"); //$NON-NLS-1$
			case '\'' -> out.append("\\'"); //$NON-NLS-1$
			case '\t' -> out.append("\\t"); //$NON-NLS-1$
			case '\n' -> out.append("\\n"); //$NON-NLS-1$
			case '\r' -> out.append("\\r"); //$NON-NLS-1$
			default -> {
				if (b >= 0x20 && b < 0x7f) {
					out.append((char) b);
				} else {
					out.append(String.format("\\x%02x", b)); //$NON-NLS-1$
				}
			}
			}
		}
		return out.append('\'').toString();
	}

	private void transfer(String name, String file, byte[] content, SyncOptions options) throws IOException {
		SyncReport report = sync(Map.of(file, content), options);
		double bps = report.bytesPerSecond();
		figures.add(String.format(Locale.ROOT, "upload.%s.bps=%.0f", name, bps));
		figures.add(String.format(Locale.ROOT, "upload.%s.ratio=%.3f", name, bps / LINE_RATE));
		double total = report.totalTime().toNanos() / 1e9;
		figures.add(String.format(Locale.ROOT, "upload.%s.session.ratio=%.3f", name, content.length / total / LINE_RATE));
	}

	private SyncReport sync(Map<String, byte[]> files, SyncOptions options) throws IOException {
		try (SerialConnection port = SerialPorts.open(board.path(), 115200)) {
			return new FileSync(new RawRepl(port, Duration.ofSeconds(10)), options).sync(files,
					new NullProgressMonitor());
		}
	}

	private void write() throws IOException {
		String out = System.getProperty(OUT_PROPERTY);
		String text = String.join("\n", figures) + "\n";
		System.out.print(text);
		if (out != null) {
			Files.writeString(Path.of(out), text);
		}
	}

	/** Python-looking text from random words: quotes, backslashes and line feeds as often as in real code. */
	static byte[] sourceLikeText(Random random, int size) {
		String[] words = { "def", "return", "self", "if", "else:", "for", "in", "import", "print(", ")", "=", "+", "'",
				"\"", "topic", "client", "value", "\\n", "0", "1", "#", "msg", "config[", "]", ":", ",", "None" };
		StringBuilder text = new StringBuilder(size + 64);
		while (text.length() < size) {
			for (int i = random.nextInt(4); i > 0; i--) {
				text.append("    ");
			}
			for (int n = 3 + random.nextInt(8); n > 0; n--) {
				text.append(words[random.nextInt(words.length)]);
				text.append(random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100000), 36) : "");
				text.append(' ');
			}
			text.append('\n');
		}
		return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
	}

	/** Generated code, as repetitive as a sensor project's: the same functions with other names and numbers. */
	static byte[] generatedCode(int size) {
		StringBuilder text = new StringBuilder(size + 512);
		for (int i = 0; text.length() < size; i++) {
			text.append("def publish_sensor_").append(i).append("(client, config):\n");
			text.append("    topic = config['topic_prefix'] + '/sensor").append(i).append("'\n");
			text.append("    value = read_sensor(").append(i % 7).append(")\n");
			text.append("    client.publish(topic.encode(), str(value).encode(), retain=False)\n\n");
		}
		return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
	}
}
