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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mqttdevices.core.broker.LanAddresses;
import io.mqttdevices.core.broker.LanAddresses.Nic;

/** Which of this computer's addresses the wizard offers a board, over stand-in interfaces (no connection made). */
class LanAddressesTest {

	@Test
	void privateIpv4OfAnInterfaceThatIsUpComesFirstBridgesAndLoopbackAreLeftOut() throws Exception {
		List<Nic> nics = List.of(
				nic("lo", true, true, false, "127.0.0.1", "::1"),
				nic("docker0", true, false, false, "172.17.0.1"),
				nic("br-3f2a1c", true, false, false, "172.18.0.1"),
				nic("virbr0", true, false, false, "192.168.122.1"),
				nic("veth12ab", true, false, false, "fe80::a8b3:1ff:fe2c:3d4e"),
				nic("tun0", true, false, false, "10.8.0.6"),
				nic("eth1", false, false, false, "192.168.5.5"),
				nic("wlp2s0", true, false, false, "fe80::1c2d:3eff:fe4f:5a6b", "2001:db8::42", "192.168.1.23"),
				nic("enp3s0", true, false, false, "169.254.10.20", "10.0.0.7"));
		assertEquals(List.of("192.168.1.23", "10.0.0.7", "2001:db8:0:0:0:0:0:42", "169.254.10.20",
				"fe80:0:0:0:1c2d:3eff:fe4f:5a6b", "10.8.0.6"), LanAddresses.choose(nics));
	}

	@Test
	void aSubInterfaceOrAnInterfaceThatIsDownOffersNothingAndNoneLeavesTheListEmpty() throws Exception {
		assertEquals(List.of(), LanAddresses.choose(List.of(nic("eth0:1", true, false, true, "192.168.1.9"),
				nic("eth0", false, false, false, "192.168.1.8"), nic("lo", true, true, false, "127.0.0.1"))));
		assertEquals(List.of(), LanAddresses.choose(List.of()));
	}

	@Test
	void anIpv6LinkLocalAddressIsOfferedWithoutItsZone() throws Exception {
		InetAddress scoped = java.net.Inet6Address.getByAddress(null,
				InetAddress.getByName("fe80::1").getAddress(), 3);
		assertEquals(List.of("fe80:0:0:0:0:0:0:1"),
				LanAddresses.choose(List.of(new Nic("wlan0", true, false, false, List.of(scoped)))));
	}

	@Test
	void thisComputersListCanBeReadWithoutFailing() {
		// whatever this machine has: the call itself must not throw, and loopback is never offered
		List<String> offered = LanAddresses.choose(LanAddresses.ofThisComputer());
		assertEquals(List.of(), offered.stream().filter(a -> a.startsWith("127.") || a.equals("0:0:0:0:0:0:0:1"))
				.toList());
	}

	private static Nic nic(String name, boolean up, boolean loopback, boolean virtual, String... addresses)
			throws UnknownHostException {
		List<InetAddress> list = new ArrayList<>();
		for (String address : addresses) {
			list.add(InetAddress.getByName(address)); // literals: no name look-up
		}
		return new Nic(name, up, loopback, virtual, list);
	}
}
