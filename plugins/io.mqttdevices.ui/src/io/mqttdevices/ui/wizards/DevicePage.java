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

import java.util.Arrays;
import java.util.EnumSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.Problem.Field;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.ui.internal.Messages;

/** Runtime, board, sensor, pin, interval and Home Assistant discovery. */
class DevicePage extends SpecPage {

	private Combo runtime;
	private Combo board;
	private Combo sensor;
	private Text pin;
	private Text interval;
	private Button homeAssistant;

	DevicePage(NewSensorProjectWizard wizard) {
		super("device", wizard, EnumSet.of(Field.RUNTIME, Field.BOARD, Field.SENSOR, Field.PIN, Field.INTERVAL)); //$NON-NLS-1$
		setTitle(Messages.DevicePage_title);
		setDescription(Messages.DevicePage_description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));
		ProjectSpec defaults = ProjectSpec.defaults(""); //$NON-NLS-1$
		runtime = combo(page, Messages.DevicePage_runtime, labels(Runtime.values()), defaults.runtime().ordinal());
		board = combo(page, Messages.DevicePage_board, labels(Board.values()), defaults.board().ordinal());
		sensor = combo(page, Messages.DevicePage_sensor, labels(Sensor.values()), defaults.sensor().ordinal());
		pin = text(page, Messages.DevicePage_pin, defaults.pin(), SWT.NONE, Field.PIN);
		interval = text(page, Messages.DevicePage_interval, Integer.toString(defaults.intervalSeconds()), SWT.NONE,
				Field.INTERVAL);
		homeAssistant = check(page, Messages.DevicePage_homeAssistant, false);
		// a new runtime, board or sensor offers the pin that suits it
		for (Combo choice : new Combo[] { runtime, board, sensor }) {
			choice.addModifyListener(e -> pin.setText(selectedBoard().defaultPin(selectedRuntime(), selectedSensor())));
		}
		setControl(page);
		changed();
	}

	@Override
	ProjectSpec apply(ProjectSpec spec) {
		return new ProjectSpec(spec.name(), selectedRuntime(), selectedBoard(), selectedSensor(), pin.getText().trim(),
				spec.wifiSsid(), spec.wifiPassword(), spec.host(), spec.port(), spec.tls(), spec.username(),
				spec.password(), spec.clientId(), spec.topicPrefix(), parseInt(interval.getText()), spec.adafruitIo(),
				spec.feed(), homeAssistant.getSelection());
	}

	private Runtime selectedRuntime() {
		return Runtime.values()[Math.max(0, runtime.getSelectionIndex())];
	}

	private Board selectedBoard() {
		return Board.values()[Math.max(0, board.getSelectionIndex())];
	}

	private Sensor selectedSensor() {
		return Sensor.values()[Math.max(0, sensor.getSelectionIndex())];
	}

	private static String[] labels(Enum<?>[] values) {
		return Arrays.stream(values).map(v -> switch (v) {
		case Runtime r -> r.label();
		case Board b -> b.label();
		case Sensor s -> s.label();
		default -> v.name();
		}).toArray(String[]::new);
	}
}
