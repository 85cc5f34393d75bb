/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

/**
 * Python colouring for the platform's generic editor: keywords, built-in constants, strings, comments, numbers and
 * decorators. Enough to read MicroPython and CircuitPython code comfortably; a full Python IDE plugin, when
 * installed, takes over .py files (our content type has a low priority).
 */
public class PythonPresentationReconciler extends PresentationReconciler {

	static final List<String> KEYWORDS = List.of("and", "as", "assert", "async", "await", "break", "class", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$
			"in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$ //$NON-NLS-13$
	static final List<String> CONSTANTS = List.of("True", "False", "None", "self"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	public PythonPresentationReconciler() {
		Display display = Display.getCurrent();
		IToken keyword = token(display, SWT.COLOR_DARK_MAGENTA, SWT.BOLD);
		IToken constant = token(display, SWT.COLOR_DARK_BLUE, SWT.BOLD);
		IToken string = token(display, SWT.COLOR_DARK_GREEN, SWT.NORMAL);
		IToken comment = token(display, SWT.COLOR_DARK_GRAY, SWT.ITALIC);
		IToken number = token(display, SWT.COLOR_BLUE, SWT.NORMAL);
		IToken decorator = token(display, SWT.COLOR_DARK_YELLOW, SWT.NORMAL);

		WordRule words = new WordRule(new IdentifierDetector(), Token.UNDEFINED);
		KEYWORDS.forEach(word -> words.addWord(word, keyword));
		CONSTANTS.forEach(word -> words.addWord(word, constant));

		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setRules(new IRule[] { new EndOfLineRule("#", comment), //$NON-NLS-1$
				new MultiLineRule("\"\"\"", "\"\"\"", string, '\\'), new MultiLineRule("'''", "'''", string, '\\'), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new SingleLineRule("\"", "\"", string, '\\'), new SingleLineRule("'", "'", string, '\\'), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				new EndOfLineRule("@", decorator), words, new NumberRule(number) }); //$NON-NLS-1$

		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}

	private static IToken token(Display display, int color, int style) {
		return new Token(new TextAttribute(display.getSystemColor(color), null, style));
	}

	/** Python identifiers: a letter or underscore, then letters, digits and underscores. */
	private static final class IdentifierDetector implements IWordDetector {

		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}
	}
}
