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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A program run on the board in pieces ({@link ScriptPieces}), one raw REPL command each, read as if it were one
 * started command: what the pieces print, then Ctrl-D, the traceback (empty when the last piece ended well), Ctrl-D.
 * The next piece starts when one ends without a traceback; a traceback ends the run, with the program's file name
 * in place of {@code <stdin>}.
 */
public final class ScriptRun {

	private static final byte CTRL_D = 0x04;

	private final RawRepl repl;
	private final List<String> pieces;
	private final String fileName;
	private final byte[] buffer = new byte[1024];
	private final ByteArrayOutputStream error = new ByteArrayOutputStream();
	private final ByteArrayOutputStream ready = new ByteArrayOutputStream();
	private int next;
	private boolean inError;
	private boolean done;

	/**
	 * @param fileName the program's name on the board, for its tracebacks
	 */
	public ScriptRun(RawRepl repl, List<String> pieces, String fileName) {
		this.repl = repl;
		this.pieces = List.copyOf(pieces);
		this.fileName = fileName;
	}

	/** Starts the first piece. */
	public void start() throws IOException {
		startNext();
	}

	/** How many pieces the program was cut into. */
	public int pieceCount() {
		return pieces.size();
	}

	/**
	 * What the program printed since the last call, as {@link RawRepl#readRunning} gives it for one command; the
	 * pieces' own ends are left out.
	 *
	 * @return the number of bytes, 0 when nothing came (or the run has ended and all was read)
	 */
	public int read(byte[] into) throws IOException {
		if (ready.size() == 0 && !done) {
			int n = repl.readRunning(buffer);
			for (int i = 0; i < n; i++) {
				byte b = buffer[i];
				if (!inError) {
					if (b == CTRL_D) {
						inError = true;
					} else {
						ready.write(b);
					}
				} else if (b != CTRL_D) {
					error.write(b);
				} else if (error.size() == 0 && next < pieces.size()) {
					// this piece ended well: the prompt, then the next piece
					if (!promptIn(i + 1, n)) {
						repl.awaitPrompt();
					}
					inError = false;
					startNext();
					break;
				} else {
					String traceback = error.toString(StandardCharsets.UTF_8).replace("File \"<stdin>\"", //$NON-NLS-1$
							"File \"" + fileName + "\""); //$NON-NLS-1$ //$NON-NLS-2$
					ready.write(CTRL_D);
					ready.writeBytes(traceback.getBytes(StandardCharsets.UTF_8));
					ready.write(CTRL_D);
					done = true;
					break;
				}
			}
		}
		byte[] out = ready.toByteArray();
		int n = Math.min(into.length, out.length);
		System.arraycopy(out, 0, into, 0, n);
		ready.reset();
		ready.write(out, n, out.length - n);
		return n;
	}

	private boolean promptIn(int from, int to) {
		for (int i = from; i < to; i++) {
			if (buffer[i] == '>') {
				return true;
			}
		}
		return false;
	}

	private void startNext() throws IOException {
		repl.start(pieces.get(next++));
	}
}
