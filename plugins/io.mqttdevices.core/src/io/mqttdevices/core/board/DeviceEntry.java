/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.board;

/**
 * A file or folder on the board.
 *
 * @param path   relative to the board's flash root, {@code /} separated
 * @param folder whether it is a folder
 * @param size   the file's size in bytes, 0 for a folder
 * @param hash   the board's hash of the file ({@link FileHashes}), empty when it was not asked for
 */
public record DeviceEntry(String path, boolean folder, long size, String hash) {
}
