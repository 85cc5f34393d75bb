/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries.bundle;

import java.util.List;

/**
 * One library of a bundle release, as the release's JSON metadata describes it. circuitpython-build-tools'
 * build_bundle_json writes {@code <prefix>-<tag>.json} as an object keyed by module name, each value
 * {@code {"package": true, "pypi_name": "adafruit-circuitpython-minimqtt", "version": "7.10.3", "repo": "...",
 * "path": "lib/adafruit_minimqtt", "dependencies": ["adafruit_connection_manager", "adafruit_ticks"],
 * "external_dependencies": []}}: {@code dependencies} are module names in the same bundle (from the library's
 * requirements.txt), {@code external_dependencies} PyPI names of libraries in another bundle.
 *
 * @param name the module name, also its file or folder name under {@code lib/}
 * @param version the version the release has
 * @param pypiName its name on PyPI (what requirements.txt files say), or empty
 * @param isPackage a folder of files rather than one file
 * @param path where it is in the release's zips, e.g. {@code lib/adafruit_ticks} (a file gets {@code .mpy})
 * @param dependencies module names it needs from the same bundle
 * @param externalDependencies PyPI names it needs from other bundles
 */
public record BundleModule(String name, String version, String pypiName, boolean isPackage, String path,
		List<String> dependencies, List<String> externalDependencies) {

	public BundleModule {
		dependencies = List.copyOf(dependencies);
		externalDependencies = List.copyOf(externalDependencies);
	}
}
