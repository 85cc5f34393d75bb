/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests;

/** Receives messages on Paho's callback thread: keep it short, hand work elsewhere. */
@FunctionalInterface
public interface MqttMessageListener {

	void messageArrived(String topic, byte[] payload, boolean retained);
}
