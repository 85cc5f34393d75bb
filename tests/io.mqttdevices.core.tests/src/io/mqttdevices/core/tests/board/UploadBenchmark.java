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
 */
class UploadBenchmark {

	static final String OUT_PROPERTY = "mqttdevices.benchmark.out"; //$NON-NLS-1$
	private static final double LINE_RATE = 11_520;
	private static final int SIZE = 64 * 1024;

	@RegisterExtension
	final SimulatedBoard board = SimulatedBoard.create().throttled(115200);

	private final List<String> figures = new ArrayList<>();

	@Test
	void upload() throws Exception {
		Random random = new Random(42);
		transfer("text", "text.py", sourceLikeText(random, SIZE), SyncOptions.defaults().withCompress(false));
		transfer("text.deflate", "text2.py", sourceLikeText(random, SIZE), SyncOptions.defaults());
		byte[] binary = new byte[SIZE];
		random.nextBytes(binary);
		transfer("binary", "data.bin", binary, SyncOptions.defaults());
		transfer("compressible", "generated.py", generatedCode(SIZE), SyncOptions.defaults());

		Map<String, byte[]> project = new TreeMap<>();
		for (int i = 0; i < 50; i++) {
			project.put((i < 20 ? "lib/" : "") + "module" + i + ".py", sourceLikeText(random, 500 + random.nextInt(3000)));
		}
		sync(project, SyncOptions.defaults());
		SyncReport noop = sync(project, SyncOptions.defaults());
		figures.add("sync.noop.uploaded=" + noop.uploaded().size());
		figures.add(String.format(Locale.ROOT, "sync.noop.seconds=%.2f", noop.totalTime().toNanos() / 1e9));
		write();
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
		if (out == null) {
			System.out.print(text);
		} else {
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
