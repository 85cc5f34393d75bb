/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.mqttdevices.core.board.BoardException;
import io.mqttdevices.core.board.PythonBytes;
import io.mqttdevices.core.board.RawRepl;

/**
 * What {@code mip} asks the board, over the raw REPL: its bytecode version ({@code sys.implementation._mpy & 0xff},
 * none on firmware that predates it), its library folder (the first {@code sys.path} entry ending in {@code /lib},
 * not under {@code /rom}) and the free space there ({@code os.statvfs}); and the two commands of a library's
 * install beyond the uploads: moving its staged files into place at once, and removing the staging folder.
 *
 * @param mpy the {@code .mpy} version as the index's folder names it ({@code "6"}), or null when the board has none
 * @param libDir the library folder relative to the flash root, as {@link io.mqttdevices.core.board.BoardFiles} takes
 *            paths ({@code lib})
 * @param blockSize the filesystem's block size, or -1 when unknown
 * @param freeBytes the free space, or -1 when unknown
 */
record MipBoard(String mpy, String libDir, long blockSize, long freeBytes) {

	private static final String PROBE = """
			import sys, os
			_m = getattr(sys.implementation, '_mpy', None)
			_l = '-'
			for _p in sys.path:
			    if _p.endswith('/lib') and not _p.startswith('/rom'):
			        _l = _p
			        break
			_s = None
			for _p in (_l, os.getcwd()):
			    try:
			        _s = os.statvfs(_p)
			        break
			    except (OSError, AttributeError):
			        pass
			print('-' if _m is None else _m & 0xff, _l, (_s[1] or _s[0]) if _s else -1, _s[4] if _s else -1)
			del _m, _l, _s, _p
			"""; //$NON-NLS-1$

	/** The staging folder inside the library folder: uploads go here, and only a complete library moves out. */
	static final String STAGE = ".mqd-stage"; //$NON-NLS-1$

	static MipBoard probe(RawRepl repl, String root) throws IOException {
		return parse(repl.execOrThrow(PROBE).strip(), root);
	}

	/** The probe and the flash root (the raw REPL's current folder) in one command, for a session without files. */
	static MipBoard probe(RawRepl repl) throws IOException {
		String answer = repl.execOrThrow("import os\nprint(os.getcwd())\n" + PROBE).strip(); //$NON-NLS-1$
		int newline = answer.indexOf('\n');
		if (newline < 0) {
			throw new BoardException("The board answered the library probe unexpectedly: " + answer); //$NON-NLS-1$
		}
		return parse(answer.substring(newline + 1).strip(), answer.substring(0, newline).strip());
	}

	private static MipBoard parse(String answer, String root) throws BoardException {
		String[] parts = answer.split(" "); //$NON-NLS-1$
		if (parts.length != 4) {
			throw new BoardException("The board answered the library probe unexpectedly: " + answer); //$NON-NLS-1$
		}
		try {
			long block = Long.parseLong(parts[2]);
			long free = Long.parseLong(parts[3]);
			return new MipBoard("-".equals(parts[0]) ? null : parts[0], relative(parts[1], root), block, //$NON-NLS-1$
					block > 0 && free >= 0 ? block * free : -1);
		} catch (NumberFormatException e) {
			throw new BoardException("The board answered the library probe unexpectedly: " + answer); //$NON-NLS-1$
		}
	}

	/** {@code /lib} on a board whose flash root is {@code /} is {@code lib}; {@code /flash/lib} under {@code /flash} too. */
	static String relative(String lib, String root) {
		if ("-".equals(lib)) { //$NON-NLS-1$
			return "lib"; // mip gives up here; the folder most boards have on sys.path //$NON-NLS-1$
		}
		String prefix = root.endsWith("/") ? root : root + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		return lib.startsWith(prefix) ? lib.substring(prefix.length()) : "lib"; //$NON-NLS-1$
	}

	/** The space a file takes on the board: whole blocks, and one more for its entry. */
	long footprint(long size) {
		long block = blockSize > 0 ? blockSize : 512;
		return (size + block - 1) / block * block + block;
	}

	String stageDir() {
		return libDir + "/" + STAGE; //$NON-NLS-1$
	}

	/** Where a library file is in the staging folder. */
	String staged(MipFile file) {
		return stageDir() + "/" + file.path(); //$NON-NLS-1$
	}

	String target(MipFile file) {
		return libDir + "/" + file.path(); //$NON-NLS-1$
	}

	/**
	 * Moves staged files over their targets in one command (a rename each; where the filesystem does not rename over
	 * a file, the old one is removed first) and removes the staging folder.
	 */
	void commit(RawRepl repl, Map<String, String> moves) throws IOException {
		String calls = moves.entrySet().stream()
				.map(m -> "_qmv(" + PythonBytes.stringLiteral(m.getKey()) + "," + PythonBytes.stringLiteral(m.getValue()) + ")\n") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.collect(Collectors.joining());
		repl.execOrThrow("""
				def _qmv(s, d):
				    try:
				        os.rename(s, d)
				    except OSError:
				        os.remove(d)
				        os.rename(s, d)
				""" + calls + "del _qmv\n"); //$NON-NLS-1$ //$NON-NLS-2$
		removeStage(repl);
	}

	/** Removes the staging folder and what an interrupted install left in it; nothing when there is none. */
	void removeStage(RawRepl repl) throws IOException {
		repl.execOrThrow("""
				def _qrr(p):
				    for e in list(os.ilistdir(p)):
				        q = p + '/' + e[0]
				        if e[1] == 0x4000:
				            _qrr(q)
				        else:
				            os.remove(q)
				    os.rmdir(p)
				try:
				    _qrr(%s)
				except OSError:
				    pass
				del _qrr
				""".formatted(PythonBytes.stringLiteral(stageDir()))); //$NON-NLS-1$
	}

	/**
	 * Which of these modules the board imports ({@code __import__} succeeds), in order; null when it could not tell.
	 * Used on libraries with none of their files in the library folder: frozen into the firmware, or in the flash root.
	 */
	static boolean[] imports(RawRepl repl, List<String> modules) throws IOException {
		String list = modules.stream().map(PythonBytes::stringLiteral).collect(Collectors.joining(",")); //$NON-NLS-1$
		String answer;
		try {
			answer = repl.execOrThrow("""
					def _fz(m):
					    try:
					        __import__(m)
					        return '1'
					    except Exception:
					        return '0'
					print(''.join(_fz(m) for m in [%s]))
					del _fz
					""".formatted(list)).strip(); //$NON-NLS-1$
		} catch (BoardException e) {
			return null;
		}
		if (answer.length() != modules.size()) {
			return null;
		}
		boolean[] found = new boolean[modules.size()];
		for (int i = 0; i < found.length; i++) {
			found[i] = answer.charAt(i) == '1';
		}
		return found;
	}
}
