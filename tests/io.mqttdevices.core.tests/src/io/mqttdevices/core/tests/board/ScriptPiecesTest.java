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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.board.ScriptPieces;

/** Cutting a program into pieces of whole top-level statements. */
class ScriptPiecesTest {

	@Test
	void aSmallProgramIsOnePiece() {
		String source = "import gc\nprint(1)\n";
		assertEquals(List.of(source), ScriptPieces.split(source, 256));
	}

	@Test
	void piecesAreWholeStatementsWithTheLinesBeforeThemEmpty() {
		String source = "a = 1\ndef f():\n    return 2\n\nprint(f())\n";
		assertEquals(List.of("a = 1\n", "\ndef f():\n    return 2\n\n", "\n\n\n\nprint(f())\n"),
				ScriptPieces.split(source, 1));
	}

	@Test
	void whatBelongsTogetherStaysTogether() {
		String source = """
				# comment
				@decorator
				def f(x,
				y):
				    s = '''
				not a statement
				'''
				    return s
				try:
				    f(1, 2)
				except OSError:
				    pass
				else:
				    pass
				finally:
				    pass
				if x:
				    pass
				elif y:
				    pass
				z = [1,
				2] + \\
				[3]
				t = "a # b"
				""";
		List<String> pieces = ScriptPieces.split(source, 1);
		assertEquals(5, pieces.size(), String.join("|", pieces));
		assertEquals("# comment\n@decorator\ndef f(x,\ny):\n    s = '''\nnot a statement\n'''\n    return s\n", pieces.get(0));
		assertEquals(source, join(pieces));
	}

	@Test
	void statementsFillAPieceUpToTheBudget() {
		StringBuilder source = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			source.append("x").append(i % 10).append(" = ").append(i % 10).append('\n'); // 7 bytes each
		}
		List<String> pieces = ScriptPieces.split(source.toString(), 70);
		assertEquals(10, pieces.size());
		assertEquals(source.toString(), join(pieces));
	}

	/** The program again: each piece without the empty lines the pieces before it filled. */
	private static String join(List<String> pieces) {
		StringBuilder program = new StringBuilder();
		for (String piece : pieces) {
			int lines = (int) program.chars().filter(c -> c == '\n').count();
			program.append(piece.substring(lines));
		}
		return program.toString();
	}
}
