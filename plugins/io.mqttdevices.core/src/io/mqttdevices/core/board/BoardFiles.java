/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The board's files through the raw REPL: list them with their hashes, create folders, delete, and upload a file
 * atomically (to a temporary name, checked for size and hash on the board, then renamed over the target). Paths
 * are relative to the board's flash root ({@code os.getcwd()} in the raw REPL), with {@code /} separators, and go to
 * the board as they are (on the WebAssembly MicroPython {@code os.rename} fails on absolute paths).
 * <p>
 * Commands are sized to the board: from the heap it reports free once the helpers are loaded, a command's code
 * takes at most a quarter (the board holds the literal while it lexes it, the bytes object made from it, and
 * the lexer's buffer while it grows), a deflate window at most a quarter too (the window and the inflated
 * piece). A command that still fails with {@code MemoryError} is sent again at half the size (never below
 * {@value #MIN_CHUNK_SIZE} bytes), and the smaller size holds for the rest of the session and for the next
 * sessions on the same port.
 */
public final class BoardFiles {

	private static final String HELPERS = loadHelpers();
	/** The smallest command the upload shrinks to. */
	public static final int MIN_CHUNK_SIZE = 256;
	/** Of the free heap, the share one command's code may take, and the share a deflate window may take. */
	private static final int HEAP_SHARE = 4;
	/** What listing one entry, and hashing one file, allocate on the board (the simulated one: 280 and 570). */
	private static final int LIST_COST = 384;
	private static final int HASH_COST = 768;
	/** Command sizes that met a MemoryError, by serial port: the next session starts there. */
	private static final Map<String, Integer> LEARNED = new ConcurrentHashMap<>();

	private final RawRepl repl;
	private final String root;
	private final char hashKind;
	private final boolean canInflate;
	private final long freeHeap;
	private ChunkEncoder encoder;

	private BoardFiles(RawRepl repl, String root, char hashKind, boolean canInflate, long freeHeap,
			ChunkEncoder encoder) {
		this.repl = repl;
		this.root = root;
		this.hashKind = hashKind;
		this.canInflate = canInflate;
		this.freeHeap = freeHeap;
		this.encoder = encoder;
	}

	/**
	 * Loads the helper functions into a raw REPL session.
	 *
	 * @param chunkSize how many bytes of code one command carries at most; less when the board has less memory
	 * @param compress  whether to deflate chunks when the board has MicroPython's {@code deflate} module
	 */
	public static BoardFiles open(RawRepl repl, int chunkSize, boolean compress) throws IOException {
		String[] answer = repl.execOrThrow(HELPERS).strip().split(" "); //$NON-NLS-1$
		if (answer.length != 4 || answer[1].length() != 1) {
			throw new BoardException("The board did not load the file helpers as MicroPython does (it said \"" //$NON-NLS-1$
					+ String.join(" ", answer) + "\")." + RawRepl.RESET); //$NON-NLS-1$ //$NON-NLS-2$
		}
		boolean inflate = compress && "1".equals(answer[2]); //$NON-NLS-1$
		long free;
		try {
			free = Long.parseLong(answer[3]);
		} catch (NumberFormatException e) {
			throw new BoardException("The board did not load the file helpers as MicroPython does (it said \"" //$NON-NLS-1$
					+ String.join(" ", answer) + "\")." + RawRepl.RESET); //$NON-NLS-1$ //$NON-NLS-2$
		}
		int size = commandSize(repl, free, chunkSize);
		int window = ChunkEncoder.MAX_WINDOW_BITS;
		while (free >= 0 && window > ChunkEncoder.MIN_WINDOW_BITS && (1L << window) > free / HEAP_SHARE) {
			window--;
		}
		return new BoardFiles(repl, answer[0], answer[1].charAt(0), inflate, free,
				new ChunkEncoder(size, inflate, window));
	}

	/**
	 * How many bytes of code one command may carry on the board in this raw REPL session, sized as uploads size
	 * theirs (a quarter of the free heap, at most {@code chunkSize}, no more than a {@code MemoryError} left on this
	 * port): one short command asks the board for its free heap.
	 */
	public static int commandSize(RawRepl repl, int chunkSize) throws IOException {
		String answer = repl.execOrThrow(
				"import gc\ngc.collect()\nprint(gc.mem_free() if hasattr(gc, 'mem_free') else -1)\n").strip(); //$NON-NLS-1$
		try {
			return commandSize(repl, Long.parseLong(answer), chunkSize);
		} catch (NumberFormatException e) {
			throw new BoardException("The board did not say how much memory it has free (it said \"" + answer + "\")." //$NON-NLS-1$ //$NON-NLS-2$
					+ RawRepl.RESET);
		}
	}

	private static int commandSize(RawRepl repl, long free, int chunkSize) {
		int size = chunkSize;
		if (free >= 0) {
			size = (int) Math.min(size, free / HEAP_SHARE / MIN_CHUNK_SIZE * MIN_CHUNK_SIZE);
		}
		Integer learned = LEARNED.get(repl.port().path());
		if (learned != null) {
			size = Math.min(size, learned);
		}
		return Math.max(MIN_CHUNK_SIZE, size);
	}

	/** The free heap the board reported once the helpers were loaded; -1 when it does not say. */
	public long freeHeap() {
		return freeHeap;
	}

	/** Bytes of code per command, as sized for this board (and shrunk after a {@code MemoryError}). */
	public int chunkSize() {
		return encoder.chunkSize();
	}

	/** Halves the command size (and the deflate window) after a MemoryError; false when already the smallest. */
	private boolean shrink() {
		int size = encoder.chunkSize();
		int window = encoder.windowBits();
		if (size <= MIN_CHUNK_SIZE && (!canInflate || window <= ChunkEncoder.MIN_WINDOW_BITS)) {
			return false;
		}
		int smaller = Math.max(MIN_CHUNK_SIZE, size / 2);
		encoder = new ChunkEncoder(smaller, canInflate, window - 1);
		LEARNED.merge(repl.port().path(), smaller, Math::min);
		return true;
	}

	/**
	 * Every file and folder on the board, for showing: enters the raw REPL, lists, and goes back to the friendly
	 * REPL (also on failure, when the board still answers).
	 */
	public static List<DeviceEntry> listBoard(RawRepl repl) throws IOException {
		repl.enter();
		try {
			return open(repl, SyncOptions.DEFAULT_CHUNK_SIZE, false).list(Map.of());
		} finally {
			try {
				repl.exit();
			} catch (IOException e) {
				// the board is gone: the failure that brought us here says so
			}
		}
	}

	/** How the board checks files: SHA-256 ({@code s}), size and CRC32 ({@code c}) or size only ({@code n}). */
	public char hashKind() {
		return hashKind;
	}

	public boolean canInflate() {
		return canInflate;
	}

	/** The hash of content as the board computes it ({@link #hashKind}). */
	public String hash(byte[] content) {
		return FileHashes.of(hashKind, content);
	}

	/**
	 * Every file and folder on the board, after finishing or removing what an interrupted upload left. The board
	 * lists and hashes in pages, a command each, sized so that a command allocates no more than one upload command
	 * may take ({@value #LIST_COST} bytes an entry listed, {@value #HASH_COST} a file hashed, as measured on the
	 * simulated board); a page that still meets a {@code MemoryError} is done again at half the size.
	 *
	 * @param wanted the files whose hash is wanted, with their size: the board hashes those whose size matches
	 */
	public List<DeviceEntry> list(Map<String, Long> wanted) throws IOException {
		List<DeviceEntry> entries = walk();
		List<String> toHash = new ArrayList<>();
		for (DeviceEntry entry : entries) {
			Long size = wanted.get(entry.path());
			if (!entry.folder() && size != null && size == entry.size()) {
				toHash.add(entry.path());
			}
		}
		Map<String, String> hashes = new HashMap<>();
		int page = Math.max(1, encoder.chunkSize() / HASH_COST);
		for (int from = 0; from < toHash.size();) {
			StringBuilder code = new StringBuilder("_qhs((");
			int to = from;
			while (to < toHash.size() && to - from < page && (to == from || code.length() < encoder.chunkSize())) {
				code.append(PythonBytes.stringLiteral(toHash.get(to++))).append(',');
			}
			ExecResult result = repl.exec(code.append("))\n").toString()); //$NON-NLS-1$
			if (result.failed() && result.errorSummary().startsWith("MemoryError") && page > 1) { //$NON-NLS-1$
				page /= 2;
				continue;
			}
			if (result.failed()) {
				throw new BoardException("The board reported " + result.errorSummary()); //$NON-NLS-1$
			}
			for (String line : lines(result.output())) {
				String[] parts = line.split(" ", 3); //$NON-NLS-1$
				if (parts.length != 3 || !"H".equals(parts[0])) { //$NON-NLS-1$
					throw new BoardException("The board's list of file hashes has a line it should not have (\"" + line //$NON-NLS-1$
							+ "\")." + RawRepl.RESET); //$NON-NLS-1$
				}
				hashes.put(parts[2], parts[1]);
			}
			from = to;
		}
		return entries.stream().map(e -> hashes.containsKey(e.path())
				? new DeviceEntry(e.path(), false, e.size(), hashes.get(e.path())) : e).toList();
	}

	private List<DeviceEntry> walk() throws IOException {
		int page = Math.max(1, encoder.chunkSize() / LIST_COST);
		String start = "_qr('')\n"; //$NON-NLS-1$
		while (true) {
			List<DeviceEntry> entries = new ArrayList<>();
			String code = start + "_qwk=_qg('')\n_qn(" + page + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$
			boolean done = false;
			boolean retry = false;
			while (!done && !retry) {
				ExecResult result = repl.exec(code);
				if (result.failed() && result.errorSummary().startsWith("MemoryError") && page > 1) { //$NON-NLS-1$
					page /= 2;
					start = ""; //$NON-NLS-1$
					retry = true; // the walk ended with the error: again from the start
					continue;
				}
				if (result.failed()) {
					throw new BoardException("The board reported " + result.errorSummary()); //$NON-NLS-1$
				}
				for (String line : lines(result.output())) {
					if (line.equals("E")) { //$NON-NLS-1$
						done = true;
					} else if (line.startsWith("D ")) { //$NON-NLS-1$
						entries.add(new DeviceEntry(line.substring(2), true, 0, "")); //$NON-NLS-1$
					} else if (line.startsWith("F ")) { //$NON-NLS-1$
						String[] parts = line.split(" ", 3); //$NON-NLS-1$
						entries.add(new DeviceEntry(parts[2], false, Long.parseLong(parts[1]), "")); //$NON-NLS-1$
					} else {
						throw new BoardException("The board's file list has a line it should not have (\"" + line + "\")." //$NON-NLS-1$ //$NON-NLS-2$
								+ RawRepl.RESET);
					}
				}
				code = "_qn(" + page + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (done) {
				return entries;
			}
		}
	}

	private static List<String> lines(String output) {
		return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** Creates folders (parents first); existing ones are fine. */
	public void mkdirs(List<String> folders) throws IOException {
		if (!folders.isEmpty()) {
			repl.execOrThrow(folders.stream().map(f -> "_qd(" + PythonBytes.stringLiteral(f) + ")\n") //$NON-NLS-1$ //$NON-NLS-2$
					.collect(Collectors.joining()));
		}
	}

	/** Deletes a file, or an empty folder. */
	public void remove(String path, boolean folder) throws IOException {
		ExecResult result = repl.exec("_qrm(" + PythonBytes.stringLiteral(path) + "," + (folder ? "1" : "0") + ")\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		if (result.failed()) {
			throw new BoardException("Could not delete " + path + " on the board: " + result.errorSummary()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/**
	 * Writes a file atomically: the target keeps its old content until the new one is on the board, complete and
	 * verified. On failure or cancellation the temporary file is removed when the board still answers.
	 *
	 * @param sent      told how many bytes of the content went after each command
	 * @param cancelled asked between commands; true stops the upload with an {@link OperationCanceledException}
	 */
	public void upload(String path, byte[] content, LongConsumer sent, BooleanSupplier cancelled) throws IOException {
		int slash = path.lastIndexOf('/');
		String tmp = PythonBytes.stringLiteral(path.substring(0, slash + 1) + ".mqd-tmp-" + path.substring(slash + 1)); //$NON-NLS-1$
		int offset = 0;
		boolean first = true;
		while (first || offset < content.length) {
			if (cancelled.getAsBoolean()) {
				abort(tmp, first);
				throw new OperationCanceledException();
			}
			ByteArrayOutputStream code = new ByteArrayOutputStream();
			if (first) {
				code.writeBytes(("_qo(" + tmp + ")\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			int taken = content.length == 0 ? 0 : encoder.writeChunk(code, content, offset);
			boolean last = offset + taken == content.length;
			if (last) {
				code.writeBytes(("_qc(" + tmp + "," + PythonBytes.stringLiteral(path) + "," + content.length + ",'" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ hash(content) + "')\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
			}
			ExecResult result = repl.exec(code.toByteArray());
			if (result.failed() && result.errorSummary().startsWith("MemoryError") && shrink()) { //$NON-NLS-1$
				continue; // the same bytes again in smaller commands: _qo reopens, _qw writes at its offset
			}
			if (result.failed()) {
				if (!last) {
					abort(tmp, false);
				}
				throw new BoardException("Uploading " + path + " failed on the board: " + result.errorSummary()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			offset += taken;
			first = false;
			sent.accept(taken);
		}
	}

	private void abort(String tmp, boolean nothingOpened) throws IOException {
		if (!nothingOpened) {
			repl.exec("_qx(" + tmp + ")\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The board's flash root, its current folder in the raw REPL (e.g. {@code /} or {@code /flash}). */
	public String root() {
		return root;
	}


	private static String loadHelpers() {
		try (InputStream in = BoardFiles.class.getResourceAsStream("helpers.py")) { //$NON-NLS-1$
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// comments and blank lines only cost time on the wire
			return source.lines().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")) //$NON-NLS-1$
					.collect(Collectors.joining("\n", "", "\n")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
