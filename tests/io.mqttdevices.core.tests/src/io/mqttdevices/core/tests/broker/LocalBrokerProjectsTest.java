/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.broker.LocalBrokerConfig;
import io.mqttdevices.core.projects.LocalBrokerProjects;
import io.mqttdevices.core.projects.LocalBrokerProjects.ProjectBroker;
import io.mqttdevices.core.projects.ProjectBrokerProfile;

/** After a change of the local broker's settings: which projects on this computer's broker no longer match, and why. */
class LocalBrokerProjectsTest {

	private static final List<String> THIS_COMPUTER = List.of("192.168.1.20", "fd00::20");

	@Test
	void projectsOnThisComputerSayWhatNoLongerMatches() {
		LocalBrokerConfig config = LocalBrokerConfig.lan(1884, "sensors", "new-secret".toCharArray());
		List<ProjectBroker> projects = List.of(
				project("garden", "192.168.1.20", 1883, "sensors", "new-secret"),
				project("porch", "192.168.1.20", 1884, "sensor", "new-secret"),
				project("attic", "fd00::20", 1884, "sensors", "old-secret"),
				project("cellar", "192.168.1.20", 1884, "sensors", "new-secret"),
				project("shed", "broker.example", 1883, null, null));

		assertEquals(List.of("garden (config.json): port 1883, the local broker's is 1884",
				"porch (config.json): username sensor, the local broker's is sensors",
				"attic (config.json): its broker password is not the local broker's"),
				LocalBrokerProjects.mismatches(projects, config, THIS_COMPUTER));
	}

	@Test
	void aBrokerOnThisComputerOnlyIsOutOfEveryBoardsReach() {
		assertEquals(List.of("cellar (config.json): the local broker no longer listens on the LAN, so the board "
				+ "cannot reach it"), LocalBrokerProjects.mismatches(
						List.of(project("cellar", "192.168.1.20", 1884, "sensors", "new-secret")),
						LocalBrokerConfig.loopback(1884), THIS_COMPUTER));
	}

	private static ProjectBroker project(String name, String host, int port, String user, String password) {
		return new ProjectBroker(name, "config.json",
				new ProjectBrokerProfile.Broker(host, port, false, user, "home"), password);
	}
}
