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

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

import io.mqttdevices.core.broker.LocalBroker;
import io.mqttdevices.core.broker.LocalBrokerException;
import io.mqttdevices.core.broker.LocalBrokerOnLan;
import io.mqttdevices.core.broker.LocalBrokerOnLan.Credentials;
import io.mqttdevices.core.broker.LocalBrokerPreferences;
import io.mqttdevices.core.projects.SensorProjectCreator;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.ui.internal.Messages;
import io.mqttdevices.ui.perspective.MqttDevicesPerspective;

/**
 * File > New > MQTT Sensor Project: name and location, device, Wi-Fi and broker. Finish generates the project off
 * the UI thread; a failure leaves no project behind and says why on the page.
 */
public class NewSensorProjectWizard extends Wizard implements INewWizard {

	public static final String ID = "io.mqttdevices.ui.wizards.newSensorProject"; //$NON-NLS-1$

	private IWorkbench workbench;
	private WizardNewProjectCreationPage projectPage;
	private DevicePage devicePage;
	private BrokerPage brokerPage;

	public NewSensorProjectWizard() {
		setWindowTitle(Messages.NewSensorProjectWizard_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
	}

	@Override
	public void addPages() {
		projectPage = new WizardNewProjectCreationPage("project"); //$NON-NLS-1$
		projectPage.setTitle(Messages.NewSensorProjectWizard_projectTitle);
		projectPage.setDescription(Messages.NewSensorProjectWizard_projectDescription);
		addPage(projectPage);
		devicePage = new DevicePage(this);
		addPage(devicePage);
		brokerPage = new BrokerPage(this);
		addPage(brokerPage);
	}

	/** The spec as the pages show it now. */
	ProjectSpec spec() {
		String name = projectPage.getControl() == null ? "" : projectPage.getProjectName(); //$NON-NLS-1$
		ProjectSpec spec = ProjectSpec.defaults(name);
		for (IWizardPage page : getPages()) {
			if (page instanceof SpecPage specPage && page.getControl() != null && !page.getControl().isDisposed()) {
				spec = specPage.apply(spec);
			}
		}
		return spec;
	}

	/** Whether the IDE's local broker listens on the LAN and asks for a username (its preferences, as saved). */
	boolean localBrokerWantsLogin() {
		return LocalBrokerPreferences.lan() && !LocalBrokerPreferences.username().isEmpty();
	}

	@Override
	public boolean performFinish() {
		ProjectSpec spec = spec();
		URI location = projectPage.useDefaults() ? null : projectPage.getLocationURI();
		Credentials localBroker = brokerPage.localBrokerCredentials();
		IProject[] created = new IProject[1];
		String[] brokerProblem = new String[1];
		try {
			getContainer().run(true, true, monitor -> {
				try {
					created[0] = SensorProjectCreator.create(spec, location, monitor);
				} catch (CoreException e) {
					throw new InvocationTargetException(e);
				}
				if (localBroker != null) {
					brokerProblem[0] = startLocalBroker(localBroker);
				}
			});
		} catch (InvocationTargetException e) {
			String reason = e.getCause() instanceof CoreException ce ? ce.getStatus().getMessage()
					: String.valueOf(e.getCause());
			((org.eclipse.jface.wizard.WizardPage) getContainer().getCurrentPage())
					.setErrorMessage(Messages.NewSensorProjectWizard_failed + reason);
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		show(created[0], spec.runtime() == Runtime.MICROPYTHON ? "main.py" : "code.py"); //$NON-NLS-1$ //$NON-NLS-2$
		if (brokerProblem[0] != null) {
			StatusManager.getManager().handle(Status.warning(NLS.bind(Messages.NewSensorProjectWizard_localBrokerFailed,
					spec.name(), brokerProblem[0])), StatusManager.SHOW);
		}
		return true;
	}

	/**
	 * The local broker on the LAN with the project's username and password, started or restarted as needed; null
	 * when it runs, else why not in words for the user (e.g. its port in use).
	 */
	private static String startLocalBroker(Credentials credentials) {
		Optional<LocalBroker> broker = LocalBroker.ide();
		if (broker.isEmpty()) {
			return Messages.NewSensorProjectWizard_noLocalBroker;
		}
		try {
			LocalBrokerOnLan.listen(broker.get(), credentials);
			return null;
		} catch (LocalBrokerException e) {
			return e.getMessage();
		} catch (StorageException e) {
			return NLS.bind(Messages.LocalBroker_secureStorageFailed, e.getMessage());
		}
	}

	/** The new project in the MQTT Devices perspective, its program open in an editor. */
	private void show(IProject project, String program) {
		if (workbench == null) {
			return;
		}
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		try {
			IWorkbenchPage page = workbench.showPerspective(MqttDevicesPerspective.ID, window);
			IFile file = project.getFile(program);
			BasicNewResourceWizard.selectAndReveal(file, window);
			IDE.openEditor(page, file);
		} catch (WorkbenchException e) {
			// the project is made; not showing it is no reason to fail Finish
		}
	}
}
