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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import io.mqttdevices.core.explorer.Subscription;
import io.mqttdevices.ui.internal.Messages;

/**
 * Subscriptions as the user types them: entries separated by line feeds or commas, each a topic filter with an
 * optional {@code qos=0}, {@code qos=1} or {@code qos=2} after it (QoS 1 when left out).
 */
final class SubscriptionText {

	/** The subscriptions of a text, or why the text is wrong (one sentence for the user). */
	record Parsed(List<Subscription> subscriptions, String error) {
	}

	private SubscriptionText() {
	}

	static String format(List<Subscription> subscriptions, String separator) {
		return subscriptions.stream().map(Subscription::toString).collect(Collectors.joining(separator));
	}

	static Parsed parse(String text) {
		List<Subscription> result = new ArrayList<>();
		for (String entry : text.split("[\\n,]")) { //$NON-NLS-1$
			if (entry.isBlank()) {
				continue;
			}
			Subscription s;
			try {
				s = Subscription.parse(entry);
			} catch (IllegalArgumentException e) {
				return new Parsed(List.of(), NLS.bind(Messages.ConnectionDialog_badQos, entry.trim()));
			}
			int hash = s.filter().indexOf('#');
			if (hash >= 0 && hash != s.filter().length() - 1) {
				return new Parsed(List.of(), Messages.ConnectionDialog_badFilter);
			}
			result.add(s);
		}
		return result.isEmpty() ? new Parsed(List.of(), Messages.ConnectionDialog_noSubscription)
				: new Parsed(result, null);
	}
}
