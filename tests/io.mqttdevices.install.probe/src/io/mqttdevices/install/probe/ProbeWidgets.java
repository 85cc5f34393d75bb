/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.probe;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Finds and drives controls the way a user does: by the text on them or the label beside them, never by child
 * index; and spins the event loop while the IDE works. UI thread only.
 */
final class ProbeWidgets {

	static final long WAIT_MS = 20_000;

	private ProbeWidgets() {
	}

	/** Runs the event loop until the condition holds (true) or {@value #WAIT_MS} ms passed (false). */
	static boolean spinUntil(Display display, BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + WAIT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(50, () -> {
					// wakes the loop to check again
				});
				display.sleep();
			}
		}
		return true;
	}

	/** Runs the event loop for {@code millis} ms: what a user's eyes give the IDE to paint and decorate. */
	static void spinFor(Display display, long millis) {
		long end = System.currentTimeMillis() + millis;
		spinUntil(display, () -> System.currentTimeMillis() >= end);
	}

	/** The visible button reading {@code text} (mnemonic '&amp;' ignored), or null. */
	static Button button(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button button && text.equals(plain(button.getText())) && button.isVisible()) {
				return button;
			}
			if (child instanceof Composite composite) {
				Button found = button(composite, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The text field after the label reading {@code label} (mnemonic '&amp;' ignored), or null. */
	static Text textByLabel(Composite parent, String label) {
		Control[] children = parent.getChildren();
		for (int i = 0; i < children.length; i++) {
			if (children[i] instanceof Label l && label.equals(plain(l.getText()))) {
				for (int j = i + 1; j < children.length; j++) {
					if (children[j] instanceof Text text) {
						return text;
					}
				}
			}
			if (children[i] instanceof Composite composite) {
				Text found = textByLabel(composite, label);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The first control of the type below {@code parent}, depth first, or null. */
	static <T extends Control> T find(Composite parent, Class<T> type) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T found = find(composite, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static void click(Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** Replaces the field's text as typing would: the text changes and a key event follows for validators. */
	static void type(Text field, String text) {
		field.setFocus();
		field.setText(text);
		Event key = new Event();
		key.character = text.isEmpty() ? SWT.BS : text.charAt(text.length() - 1);
		key.keyCode = key.character;
		field.notifyListeners(SWT.KeyDown, key);
		field.notifyListeners(SWT.KeyUp, key);
	}

	/**
	 * Hands the next shell that becomes active over {@code owner} to {@code onDialog} (the
	 * {@link DialogGuard} leaves it alone), for an action that opens a dialog (modal ones block the caller until
	 * {@code onDialog} closes them). Gives up after about 20 s.
	 */
	static void whenDialogOpens(Shell owner, Consumer<Shell> onDialog) {
		Display display = owner.getDisplay();
		DialogGuard.awaiting(true);
		display.asyncExec(new Runnable() {
			int tries;

			@Override
			public void run() {
				Shell active = display.getActiveShell();
				if (active != null && active != owner) {
					DialogGuard.expect(active);
					DialogGuard.awaiting(false);
					onDialog.accept(active);
				} else if (tries++ < 1000) {
					display.timerExec(20, this);
				} else {
					DialogGuard.awaiting(false);
				}
			}
		});
	}

	private static String plain(String text) {
		return text.replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
