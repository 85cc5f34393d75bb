/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.serial;

/**
 * Keeps a serial port open for a long time (the REPL view) and lends it to short actions (upload, flash, run)
 * through the {@link PortArbiter}. Both methods are called on the borrower's thread, never with a lock held.
 */
public interface PortHolder {

	/**
	 * Stops reading from and writing to the port. When this returns, the borrower alone uses the connection; it
	 * must return promptly (within a read timeout or so) and must not close the connection.
	 *
	 * @param borrower what borrows the port, for the holder to show, e.g. "Upload to Board"
	 */
	void pause(String borrower);

	/**
	 * The borrower is done: the connection is the holder's again. It may have broken meanwhile (board unplugged);
	 * the holder finds out on its next read.
	 */
	void resume(String borrower);
}
