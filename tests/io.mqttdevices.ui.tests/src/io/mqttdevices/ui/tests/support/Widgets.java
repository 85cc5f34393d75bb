/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/** Finds controls the way a user does: by the label beside them or the text on them, never by child index. */
public final class Widgets {

	private Widgets() {
	}

	/** The text field that follows the label reading {@code label} (mnemonic '&amp;' ignored). */
	public static Text textByLabel(Composite root, String label) {
		for (Control control : all(root)) {
			if (control instanceof Label l && label.equals(plain(l.getText()))) {
				Control[] siblings = l.getParent().getChildren();
				for (int i = indexOf(siblings, l) + 1; i < siblings.length; i++) {
					if (siblings[i] instanceof Text text) {
						return text;
					}
				}
			}
		}
		return fail("No text field labelled '" + label + "'");
	}

	/** The combo that follows the label reading {@code label} (mnemonic '&amp;' ignored). */
	public static Combo comboByLabel(Composite root, String label) {
		for (Control control : all(root)) {
			if (control instanceof Label l && label.equals(plain(l.getText()))) {
				Control[] siblings = l.getParent().getChildren();
				for (int i = indexOf(siblings, l) + 1; i < siblings.length; i++) {
					if (siblings[i] instanceof Combo combo) {
						return combo;
					}
				}
			}
		}
		return fail("No combo labelled '" + label + "'");
	}

	/** The button whose text reads {@code text} (mnemonic '&amp;' ignored). */
	public static Button button(Composite root, String text) {
		for (Control control : all(root)) {
			if (control instanceof Button button && text.equals(plain(button.getText()))) {
				return button;
			}
		}
		return fail("No button '" + text + "'");
	}

	/**
	 * Replaces the field's text as a user typing would: the text changes and key events follow, so listeners that
	 * validate on keystrokes (JFace field editors) run.
	 */
	public static void type(Text field, String text) {
		field.setFocus();
		field.setText(text);
		Event key = new Event();
		key.character = text.isEmpty() ? SWT.BS : text.charAt(text.length() - 1);
		key.keyCode = key.character;
		field.notifyListeners(SWT.KeyDown, key);
		field.notifyListeners(SWT.KeyUp, key);
	}

	/**
	 * Runs {@code onDialog} on the next dialog that opens over {@code owner} (from the dialog's own event loop), so a
	 * test can answer a question that a command asks before it returns.
	 */
	public static void whenDialogOpens(Shell owner, Consumer<Shell> onDialog) {
		Display display = owner.getDisplay();
		display.asyncExec(new Runnable() {
			int tries;

			@Override
			public void run() {
				Shell active = display.getActiveShell();
				if (active != null && active != owner) {
					onDialog.accept(active);
				} else if (tries++ < 500) {
					display.timerExec(10, this);
				}
			}
		});
	}

	/** The texts of the labels below {@code root} (a message dialog's message is one). */
	public static List<String> labels(Composite root) {
		return all(root).stream().filter(Label.class::isInstance).map(c -> ((Label) c).getText()).toList();
	}

	/**
	 * The button of a tool bar in {@code shell} whose tooltip starts with {@code tooltip} (a command's description; the
	 * workbench may append its key), as a user's eye finds it; waits for it up to {@code wait}.
	 */
	public static ToolItem toolItem(Shell shell, String tooltip, Duration wait) {
		ToolItem[] found = new ToolItem[1];
		UiWait.until(wait, "the tool item '" + tooltip + "'", () -> { //$NON-NLS-1$ //$NON-NLS-2$
			found[0] = findToolItem(shell, tooltip);
			return found[0] != null;
		});
		return found[0];
	}

	/** Clicks that button once it is enabled (a toggle changes its state first, as under a mouse). */
	public static void clickTool(Shell shell, String tooltip, Duration wait) {
		ToolItem item = toolItem(shell, tooltip, wait);
		UiWait.until(wait, "'" + tooltip + "' enabled", item::isEnabled); //$NON-NLS-1$ //$NON-NLS-2$
		if ((item.getStyle() & SWT.CHECK) != 0) {
			item.setSelection(!item.getSelection());
		}
		item.notifyListeners(SWT.Selection, new Event());
	}

	private static ToolItem findToolItem(Composite parent, String tooltip) {
		for (Control child : parent.getChildren()) {
			if (child instanceof ToolBar bar && bar.isVisible()) {
				for (ToolItem item : bar.getItems()) {
					if (item.getToolTipText() != null && item.getToolTipText().startsWith(tooltip)) {
						return item;
					}
				}
			}
			if (child instanceof Composite composite) {
				ToolItem item = findToolItem(composite, tooltip);
				if (item != null) {
					return item;
				}
			}
		}
		return null;
	}

	/** Every control below {@code root}, depth first. */
	public static List<Control> all(Composite root) {
		List<Control> result = new ArrayList<>();
		for (Control child : root.getChildren()) {
			result.add(child);
			if (child instanceof Composite composite) {
				result.addAll(all(composite));
			}
		}
		return result;
	}

	private static String plain(String text) {
		return text.replace("&", "");
	}

	private static int indexOf(Control[] controls, Control control) {
		for (int i = 0; i < controls.length; i++) {
			if (controls[i] == control) {
				return i;
			}
		}
		return -1;
	}
}
