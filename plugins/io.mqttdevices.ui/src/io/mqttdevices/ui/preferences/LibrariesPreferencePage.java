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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.mqttdevices.core.preferences.CorePreferences;
import io.mqttdevices.ui.internal.Messages;

/**
 * MQTT Devices > Board Libraries: whether Upload and Flash install the declared libraries first, where MicroPython's
 * package index and CircuitPython's bundles are (the official ones by default; a mirror or a {@code file:} folder),
 * and whether MicroPython libraries go on compiled. Stored in the core bundle's node, which the installers read.
 */
public class LibrariesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "io.mqttdevices.ui.preferences.libraries"; //$NON-NLS-1$

	public LibrariesPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, CorePreferences.NODE));
		setDescription(Messages.LibrariesPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// nothing to prepare: the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		Composite parent = getFieldEditorParent();
		addField(new BooleanFieldEditor(CorePreferences.INSTALL_LIBRARIES_BEFORE_UPLOAD,
				Messages.LibrariesPreferencePage_installBeforeUpload, parent));
		addField(new UrlFieldEditor(CorePreferences.MICROPYTHON_INDEX, Messages.LibrariesPreferencePage_index, parent));
		addField(new BooleanFieldEditor(CorePreferences.MICROPYTHON_COMPILED, Messages.LibrariesPreferencePage_compiled,
				parent));
		addField(new UrlFieldEditor(CorePreferences.ADAFRUIT_BUNDLE_URL, Messages.LibrariesPreferencePage_adafruit,
				parent));
		addField(new UrlFieldEditor(CorePreferences.COMMUNITY_BUNDLE_URL, Messages.LibrariesPreferencePage_community,
				parent));
		Label hint = new Label(parent, SWT.WRAP);
		hint.setText(Messages.LibrariesPreferencePage_hint);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		data.widthHint = 400;
		hint.setLayoutData(data);
	}

	/** A URL the fetcher can read: http, https or a file: folder. */
	private static final class UrlFieldEditor extends StringFieldEditor {

		private static final Set<String> SCHEMES = Set.of("http", "https", "file"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		UrlFieldEditor(String name, String label, Composite parent) {
			super(name, label, parent);
			setEmptyStringAllowed(false);
		}

		@Override
		protected boolean doCheckState() {
			String text = getStringValue().strip();
			try {
				URI uri = new URI(text);
				String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
				if (SCHEMES.contains(scheme) && (scheme.equals("file") || uri.getHost() != null)) { //$NON-NLS-1$
					return true;
				}
			} catch (URISyntaxException e) {
				// said below
			}
			setErrorMessage(NLS.bind(Messages.LibrariesPreferencePage_badUrl, getLabelText().replace("&", "") //$NON-NLS-1$ //$NON-NLS-2$
					.replace(":", ""))); //$NON-NLS-1$ //$NON-NLS-2$
			return false;
		}
	}
}
