/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.templates;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a broker host the user typed means for a board, from its text alone (no name look-up): loopback (the board
 * itself) or an address of the local network.
 */
final class HostKind {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}"); //$NON-NLS-1$

	private HostKind() {
	}

	/** 127.*, localhost (and names under it), ::1 in any of its spellings. */
	static boolean isLoopback(String host) {
		String h = normal(host);
		if (h.equals("localhost") || h.endsWith(".localhost")) { //$NON-NLS-1$ //$NON-NLS-2$
			return true;
		}
		if (IPV4.matcher(h).matches()) {
			return h.startsWith("127."); //$NON-NLS-1$
		}
		return h.matches("[0:]*:0*1"); //$NON-NLS-1$
	}

	/**
	 * A private or link-local address (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10) or a
	 * {@code .local} name: a broker on the board's own network, perhaps this computer.
	 */
	static boolean isLan(String host) {
		String h = normal(host);
		var ipv4 = IPV4.matcher(h);
		if (ipv4.matches()) {
			int a = Integer.parseInt(ipv4.group(1));
			int b = Integer.parseInt(ipv4.group(2));
			return a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168 || a == 169 && b == 254;
		}
		if (h.contains(":")) { //$NON-NLS-1$
			return h.matches("f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]:.*"); //$NON-NLS-1$
		}
		return h.endsWith(".local"); //$NON-NLS-1$
	}

	private static String normal(String host) {
		String h = host.trim().toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
			h = h.substring(1, h.length() - 1);
		}
		return h.endsWith(".") ? h.substring(0, h.length() - 1) : h; //$NON-NLS-1$
	}
}
