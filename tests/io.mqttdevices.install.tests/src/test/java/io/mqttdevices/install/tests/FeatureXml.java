/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.install.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The bundle ids our feature lists, read from its feature.xml. */
final class FeatureXml {

	private FeatureXml() {
	}

	static List<String> pluginIds(Path featureXml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		NodeList plugins = factory.newDocumentBuilder().parse(featureXml.toFile()).getElementsByTagName("plugin");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < plugins.getLength(); i++) {
			ids.add(((Element) plugins.item(i)).getAttribute("id"));
		}
		return ids;
	}
}
