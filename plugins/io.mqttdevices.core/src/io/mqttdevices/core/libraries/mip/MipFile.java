/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.mip;

import java.net.URI;

/**
 * One file of a package.
 *
 * @param path where it goes, relative to the board's library folder, e.g. {@code umqtt/simple.mpy}
 * @param source where it is downloaded from
 * @param hash the SHA-256 prefix the index names it by, or null for a URL package's file (no hash known)
 */
public record MipFile(String path, URI source, String hash) {
}
