/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.explorer.ExplorerLimits;
import io.mqttdevices.ui.internal.Messages;

/**
 * Window > Preferences > MQTT Devices > Topic Explorer: how many messages each topic keeps and the memory budget of
 * all histories together. Applying gives the new limits to the connections already open, not only to new ones.
 */
public class ExplorerPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "io.mqttdevices.ui.preferences.explorer"; //$NON-NLS-1$

	public ExplorerPreferencePage() {
		super(GRID);
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, ExplorerLimits.NODE);
		store.setDefault(ExplorerLimits.HISTORY_KEY, TopicTree.DEFAULT_HISTORY_PER_TOPIC);
		store.setDefault(ExplorerLimits.BUDGET_KEY, ExplorerLimits.DEFAULT_BUDGET_MB);
		setPreferenceStore(store);
		setDescription(Messages.ExplorerPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// nothing to prepare: the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor history = new IntegerFieldEditor(ExplorerLimits.HISTORY_KEY,
				Messages.ExplorerPreferencePage_historyPerTopic, getFieldEditorParent(), 7);
		history.setValidRange(1, ExplorerLimits.MAX_HISTORY_PER_TOPIC);
		history.setErrorMessage(Messages.ExplorerPreferencePage_historyInvalid);
		addField(history);

		IntegerFieldEditor budget = new IntegerFieldEditor(ExplorerLimits.BUDGET_KEY,
				Messages.ExplorerPreferencePage_budget, getFieldEditorParent(), 5);
		budget.setValidRange(1, ExplorerLimits.MAX_BUDGET_MB);
		budget.setErrorMessage(Messages.ExplorerPreferencePage_budgetInvalid);
		addField(budget);

		Label hint = new Label(getFieldEditorParent(), SWT.WRAP);
		hint.setText(Messages.ExplorerPreferencePage_hint);
		GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		hintData.widthHint = 400;
		hint.setLayoutData(hintData);
	}

	@Override
	public boolean performOk() {
		if (!super.performOk()) {
			return false;
		}
		ExplorerLimits.applyToOpenConnections();
		return true;
	}
}
