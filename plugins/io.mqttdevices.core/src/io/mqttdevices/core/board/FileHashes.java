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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * File hashes as the board's helpers print them: {@code s} and the SHA-256 in hex where the board has
 * {@code hashlib.sha256}, {@code c} and the CRC32 in hex where it has only {@code binascii.crc32} (the size is
 * compared too), {@code n} where it has neither (then the size alone decides, and equal sizes upload again).
 */
public final class FileHashes {

	private FileHashes() {
	}

	public static String of(char kind, byte[] content) {
		switch (kind) {
		case 's':
			try {
				return "s" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		case 'c':
			CRC32 crc = new CRC32();
			crc.update(content);
			return String.format("c%08x", crc.getValue()); //$NON-NLS-1$
		default:
			return "n"; //$NON-NLS-1$
		}
	}

	/** Whether a board's hash proves the board has this content (a size-only board proves nothing). */
	public static boolean sameContent(String boardHash, char kind, byte[] content) {
		return kind != 'n' && boardHash.equals(of(kind, content));
	}
}
