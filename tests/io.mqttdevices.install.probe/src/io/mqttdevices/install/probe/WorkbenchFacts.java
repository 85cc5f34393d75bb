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

import java.util.Properties;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * What the install test needs to know, seen from inside the running IDE: the open perspective, whether our
 * perspective and wizard are registered (the wizard is created with its pages, which loads our UI and core code),
 * what a user's first minutes render ({@link SensorProjectFacts}),
 * whether the local broker starts and stops by its commands ({@link LocalBrokerFacts}), and then the state of every
 * bundle. Facts only; the test decides what is right.
 */
final class WorkbenchFacts {

	static final String PERSPECTIVE_ID = "io.mqttdevices.ui.perspective"; //$NON-NLS-1$
	static final String WIZARD_ID = "io.mqttdevices.ui.wizards.newSensorProject"; //$NON-NLS-1$

	private final IWorkbench workbench;
	private final Properties facts = new Properties();

	WorkbenchFacts(IWorkbench workbench) {
		this.workbench = workbench;
	}

	/** Must run in the UI thread. */
	Properties collect() {
		guarded("activePerspective", this::activePerspective); //$NON-NLS-1$
		guarded("perspective", this::perspective); //$NON-NLS-1$
		guarded("wizard", this::wizard); //$NON-NLS-1$
		guarded("project", new SensorProjectFacts(workbench, facts)::collect); //$NON-NLS-1$
		guarded("localBroker", new LocalBrokerFacts(workbench, facts)::collect); //$NON-NLS-1$
		bundles();
		facts.setProperty("dialogs.unexpected", String.join("|", DialogGuard.unexpected())); //$NON-NLS-1$ //$NON-NLS-2$
		facts.setProperty("dialogs.waited", String.join("|", DialogGuard.waited())); //$NON-NLS-1$ //$NON-NLS-2$
		return facts;
	}

	private void activePerspective() {
		IWorkbenchWindow[] windows = workbench.getWorkbenchWindows();
		facts.setProperty("windows", String.valueOf(windows.length)); //$NON-NLS-1$
		IWorkbenchPage page = windows.length == 0 ? null : windows[0].getActivePage();
		IPerspectiveDescriptor open = page == null ? null : page.getPerspective();
		facts.setProperty("activePerspective", open == null ? "" : open.getId()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void perspective() {
		IPerspectiveDescriptor perspective = workbench.getPerspectiveRegistry().findPerspectiveWithId(PERSPECTIVE_ID);
		if (perspective != null) {
			facts.setProperty("perspective.label", perspective.getLabel()); //$NON-NLS-1$
		}
	}

	private void wizard() throws Exception {
		IWizardDescriptor descriptor = workbench.getNewWizardRegistry().findWizard(WIZARD_ID);
		if (descriptor == null) {
			return;
		}
		facts.setProperty("wizard.label", descriptor.getLabel()); //$NON-NLS-1$
		facts.setProperty("wizard.category", descriptor.getCategory().getLabel()); //$NON-NLS-1$
		IWorkbenchWizard wizard = descriptor.createWizard();
		try {
			wizard.init(workbench, StructuredSelection.EMPTY);
			wizard.addPages();
			facts.setProperty("wizard.class", wizard.getClass().getName()); //$NON-NLS-1$
			facts.setProperty("wizard.pages", String.valueOf(wizard.getPageCount())); //$NON-NLS-1$
		} finally {
			wizard.dispose();
		}
	}

	/** bundle.NAME = its state; problem.NAME = why a bundle that is only INSTALLED does not resolve. */
	private void bundles() {
		for (Bundle bundle : FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles()) {
			String name = bundle.getSymbolicName();
			facts.setProperty("bundle." + name, state(bundle.getState())); //$NON-NLS-1$
			if (bundle.getState() == Bundle.INSTALLED) {
				try {
					bundle.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
				} catch (BundleException | RuntimeException e) {
					facts.setProperty("problem." + name, String.valueOf(e.getMessage())); //$NON-NLS-1$
				}
			}
		}
	}

	private static String state(int state) {
		return switch (state) {
		case Bundle.UNINSTALLED -> "UNINSTALLED"; //$NON-NLS-1$
		case Bundle.INSTALLED -> "INSTALLED"; //$NON-NLS-1$
		case Bundle.RESOLVED -> "RESOLVED"; //$NON-NLS-1$
		case Bundle.STARTING -> "STARTING"; //$NON-NLS-1$
		case Bundle.STOPPING -> "STOPPING"; //$NON-NLS-1$
		case Bundle.ACTIVE -> "ACTIVE"; //$NON-NLS-1$
		default -> "UNKNOWN " + state; //$NON-NLS-1$
		};
	}

	private interface Check {
		void run() throws Exception;
	}

	/** A check that throws becomes a NAME.error fact instead of ending the probe. */
	private void guarded(String name, Check check) {
		try {
			check.run();
		} catch (Exception | LinkageError e) {
			facts.setProperty(name + ".error", e.toString()); //$NON-NLS-1$
		}
	}
}
