/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.wizards;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.templates.Problem;
import io.mqttdevices.core.templates.Problem.Field;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.SpecValidator;

/**
 * A wizard page that edits part of the {@link ProjectSpec}: every change re-validates the whole spec and shows the
 * first problem of this page's own fields; an error keeps the page (and so Finish) incomplete. As in the platform's
 * wizards, a field's error is shown as an error only once the user has typed in the field or left it; before, the
 * page says plainly what to enter.
 */
abstract class SpecPage extends WizardPage {

	protected final NewSensorProjectWizard wizard;
	private final Set<Field> fields;
	/** The fields with a text box the user has not typed in or left yet. */
	private final Set<Field> untouched = EnumSet.noneOf(Field.class);

	SpecPage(String name, NewSensorProjectWizard wizard, Set<Field> fields) {
		super(name);
		this.wizard = wizard;
		this.fields = fields;
	}

	/** Reads this page's widgets into the spec. */
	abstract ProjectSpec apply(ProjectSpec spec);

	/** Called on every edit: re-validates and updates message and completeness. */
	protected final void changed() {
		if (getControl() == null || getControl().isDisposed()) {
			return; // still building the page (createControl validates once at its end), or closing
		}
		List<Problem> mine = SpecValidator.validate(wizard.spec(), wizard.localBrokerWantsLogin()).stream().filter(p -> fields.contains(p.field()))
				.toList();
		Problem error = mine.stream().filter(p -> p.error() && !untouched.contains(p.field())).findFirst().orElse(null);
		Problem todo = mine.stream().filter(p -> p.error() && untouched.contains(p.field())).findFirst().orElse(null);
		Problem warning = mine.stream().filter(p -> !p.error()).findFirst().orElse(null);
		setErrorMessage(error == null ? null : error.message());
		if (todo != null) {
			setMessage(todo.message(), IMessageProvider.NONE);
		} else {
			setMessage(warning == null ? null : warning.message(), IMessageProvider.WARNING);
		}
		setPageComplete(error == null && todo == null);
	}

	/** A labelled text box for {@code field} (null: one no check is about); its errors show once it was used. */
	protected Text text(Composite parent, String label, String value, int style, Field field) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER | style);
		text.setText(value);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		if (field != null) {
			untouched.add(field);
			text.addListener(SWT.FocusOut, e -> touched(field));
		}
		text.addModifyListener(e -> {
			untouched.remove(field);
			changed();
		});
		return text;
	}

	/** The user has been in the field (or changed what it checks): its error shows from now on. */
	protected final void touched(Field field) {
		if (untouched.remove(field)) {
			changed();
		}
	}

	protected Combo combo(Composite parent, String label, String[] items, int selected) {
		new Label(parent, SWT.NONE).setText(label);
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		combo.setItems(items);
		combo.select(selected);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		combo.addModifyListener(e -> changed());
		return combo;
	}

	protected Button check(Composite parent, String label, boolean value) {
		Button check = new Button(parent, SWT.CHECK);
		check.setText(label);
		check.setSelection(value);
		check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		check.addListener(SWT.Selection, e -> changed());
		return check;
	}

	static int parseInt(String text) {
		try {
			return Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			return -1;
		}
	}
}
