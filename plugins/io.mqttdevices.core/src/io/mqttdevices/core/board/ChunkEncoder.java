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
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Turns a file into write commands of at most a chunk size each: {@code _qw(b'''...''',offset)} with the bytes as
 * a {@link PythonBytes} literal, or {@code _qw(_qz(b'''...''',w),offset)} with a raw-deflated piece when the board
 * can inflate and that carries more of the file per byte sent. Each deflated piece stands alone (at most
 * {@code 2^w} bytes of file, so a {@code 2^w} window is enough on the board). The offset makes a command safe to
 * run again.
 */
final class ChunkEncoder {

	private static final byte[] WRITE = "_qw(".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	private static final byte[] WRITE_INFLATED = "_qw(_qz(".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	private static final int COMMAND_OVERHEAD = 28;
	/** The largest deflate window used (16 KB); a board with little memory gets less ({@link #ChunkEncoder}). */
	static final int MAX_WINDOW_BITS = 14;
	/** The smallest window MicroPython's deflate takes. */
	static final int MIN_WINDOW_BITS = 9;
	/** Deflate must carry this much more file per byte sent to be worth the board's time. */
	private static final double DEFLATE_GAIN = 1.05;

	private final int chunkSize;
	private final boolean inflate;
	private final int windowBits;

	/**
	 * @param chunkSize  bytes of code per command at most
	 * @param windowBits the largest deflate window the board gets, {@link #MIN_WINDOW_BITS} to
	 *                   {@link #MAX_WINDOW_BITS}; ignored without inflate
	 */
	ChunkEncoder(int chunkSize, boolean inflate, int windowBits) {
		this.chunkSize = chunkSize;
		this.inflate = inflate;
		this.windowBits = Math.max(MIN_WINDOW_BITS, Math.min(MAX_WINDOW_BITS, windowBits));
	}

	int chunkSize() {
		return chunkSize;
	}

	int windowBits() {
		return windowBits;
	}

	/** Appends one write command for the content from {@code offset}; returns how many content bytes it carries. */
	int writeChunk(ByteArrayOutputStream code, byte[] content, int offset) {
		int budget = chunkSize - COMMAND_OVERHEAD;
		int plain = PythonBytes.fit(content, offset, budget);
		if (inflate) {
			int maxPiece = Math.min(content.length - offset, Math.min(1 << windowBits, budget * 4));
			byte[] packed = deflate(content, offset, maxPiece);
			int literal = PythonBytes.length(packed, 0, packed.length);
			int piece = maxPiece;
			if (literal > budget) {
				// shrink the piece in proportion and try once more
				piece = (int) ((long) maxPiece * budget / literal * 9 / 10);
				packed = deflate(content, offset, piece);
				literal = PythonBytes.length(packed, 0, packed.length);
			}
			if (piece > 0 && literal <= budget && (double) piece / literal > DEFLATE_GAIN * plain / budget) {
				code.writeBytes(WRITE_INFLATED);
				PythonBytes.append(code, packed, 0, packed.length);
				code.writeBytes((',' + Integer.toString(bitsFor(piece)) + ")," + offset + ")\n") //$NON-NLS-1$ //$NON-NLS-2$
						.getBytes(StandardCharsets.US_ASCII));
				return piece;
			}
		}
		code.writeBytes(WRITE);
		PythonBytes.append(code, content, offset, plain);
		code.writeBytes(("," + offset + ")\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		return plain;
	}

	private static int bitsFor(int length) {
		int bits = 9;
		while ((1 << bits) < length) {
			bits++;
		}
		return bits;
	}

	private static byte[] deflate(byte[] content, int offset, int length) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(content, offset, length);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		} finally {
			deflater.end();
		}
	}
}
