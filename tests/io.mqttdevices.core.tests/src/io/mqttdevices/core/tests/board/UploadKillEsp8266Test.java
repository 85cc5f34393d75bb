/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.board;

import io.mqttdevices.core.board.SyncOptions;
import io.mqttdevices.tests.fixtures.SimulatedBoard;

/**
 * The kills of {@link UploadKillTest} on a board with an ESP8266's memory and command time, with the default
 * settings (commands sized to the board). Unthrottled, to keep the test short: the UART changes nothing here.
 */
class UploadKillEsp8266Test extends UploadKillTest {

	@Override
	SimulatedBoard newBoard() {
		return SimulatedBoard.create().profile(SimulatedBoard.ESP8266).unthrottled();
	}

	@Override
	SyncOptions options() {
		return SyncOptions.defaults();
	}
}
