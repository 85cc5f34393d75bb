/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.explorer;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.mqttdevices.core.explorer.HomeAssistantDevices;
import io.mqttdevices.core.explorer.HomeAssistantDevices.Device;
import io.mqttdevices.core.explorer.HomeAssistantDevices.Entity;
import io.mqttdevices.core.explorer.TopicTree;
import io.mqttdevices.ui.internal.Messages;

/**
 * Home Assistant discovery configs as devices with their entities; double-click an entity to reveal its state
 * topic. Rebuilt only while visible, at most every two seconds.
 */
final class DevicesPart {

	private static final long REFRESH_MS = 2_000;

	private final TreeViewer viewer;
	private boolean visible;
	private long refreshedAt;
	private TopicTree seenTree;

	DevicesPart(Composite parent, Consumer<String> revealTopic) {
		viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object element) {
				return element instanceof Device d ? d.entities().toArray() : new Object[0];
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return element instanceof Device d && !d.entities().isEmpty();
			}
		});
		viewer.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				if (element instanceof Device d) {
					return d.name() + "  (" + d.id() + ')'; //$NON-NLS-1$
				}
				Entity e = (Entity) element;
				return e.name() + "  [" + e.component() + "]  " //$NON-NLS-1$ //$NON-NLS-2$
						+ (e.stateTopic() == null ? Messages.TopicExplorer_noStateTopic : e.stateTopic());
			}
		});
		viewer.addDoubleClickListener(e -> {
			Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (first instanceof Entity entity && entity.stateTopic() != null) {
				revealTopic.accept(entity.stateTopic());
			}
		});
		viewer.setInput(List.of());
	}

	Control control() {
		return viewer.getControl();
	}

	TreeViewer viewer() {
		return viewer;
	}

	void setVisible(boolean shown) {
		visible = shown;
		refreshedAt = 0;
	}

	void refresh(TopicTree tree) {
		if (!visible || viewer.getControl().isDisposed()) {
			return;
		}
		long now = System.currentTimeMillis();
		if (tree == seenTree && now - refreshedAt < REFRESH_MS) {
			return;
		}
		seenTree = tree;
		refreshedAt = now;
		viewer.setInput(tree == null ? List.of() : HomeAssistantDevices.of(tree));
		viewer.expandAll();
	}
}
