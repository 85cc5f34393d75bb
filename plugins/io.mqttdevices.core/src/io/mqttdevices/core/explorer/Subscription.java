/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic filter with the QoS asked for it (0, 1 or 2; {@value #DEFAULT_QOS} unless chosen). The broker sends each
 * message at the lower of this QoS and the one it was published with. As text: {@code home/# qos=0}; a filter
 * alone means QoS {@value #DEFAULT_QOS}.
 */
public record Subscription(String filter, int qos) {

	public static final int DEFAULT_QOS = 1;
	private static final Pattern WITH_QOS = Pattern.compile("(.*\\S)\\s+qos\\s*=\\s*(\\S*)", Pattern.CASE_INSENSITIVE); //$NON-NLS-1$

	public Subscription {
		Objects.requireNonNull(filter, "filter"); //$NON-NLS-1$
		if (qos < 0 || qos > 2) {
			throw new IllegalArgumentException("The QoS of " + filter + " must be 0, 1 or 2, not " + qos); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** The filter at QoS {@value #DEFAULT_QOS}. */
	public static Subscription of(String filter) {
		return new Subscription(filter, DEFAULT_QOS);
	}

	public static List<Subscription> of(List<String> filters) {
		return filters.stream().map(Subscription::of).toList();
	}

	/**
	 * Reads {@code filter} or {@code filter qos=N} (surrounding blanks ignored); throws when the QoS is not 0, 1 or 2.
	 */
	public static Subscription parse(String text) throws IllegalArgumentException {
		String entry = text.trim();
		Matcher m = WITH_QOS.matcher(entry);
		if (!m.matches()) {
			return of(entry);
		}
		String qos = m.group(2);
		if (!qos.matches("[012]")) { //$NON-NLS-1$
			throw new IllegalArgumentException("The QoS of " + m.group(1) + " must be 0, 1 or 2, not '" + qos + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new Subscription(m.group(1), Integer.parseInt(qos));
	}

	/** The filters of these subscriptions, in order. */
	public static List<String> filters(List<Subscription> subscriptions) {
		List<String> filters = new ArrayList<>();
		subscriptions.forEach(s -> filters.add(s.filter()));
		return filters;
	}

	/** As {@link #parse} reads it: {@code home/# qos=0}. */
	@Override
	public String toString() {
		return filter + " qos=" + qos; //$NON-NLS-1$
	}
}
