/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.broker;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a board on the LAN can reach this computer at, the likeliest first: the non-loopback IPv4 and IPv6
 * addresses of the interfaces that are up, without docker, virtual machine and container bridges. The choice is
 * made over a list of {@link Nic}s, so it can be tried on a stand-in list; {@link #ofThisComputer()} reads the real
 * one (it opens no connection).
 */
public final class LanAddresses {

	/** One network interface as the choice needs it. */
	public record Nic(String name, boolean up, boolean loopback, boolean virtual, List<InetAddress> addresses) {
	}

	/** Bridges and links made by docker, libvirt, VirtualBox, VMware, LXC/LXD, Kubernetes and Podman. */
	private static final Pattern BRIDGE = Pattern.compile(
			"(docker|br-|veth|virbr|vboxnet|vmnet|lxcbr|lxdbr|cni|flannel|cali|podman|vnet|kube).*"); //$NON-NLS-1$
	/** VPN tunnels: reachable from a board only when it is on the same VPN, so they come last. */
	private static final Pattern TUNNEL = Pattern.compile("(tun|tap|wg|tailscale|zt|ppp|utun|ipsec).*"); //$NON-NLS-1$

	private LanAddresses() {
	}

	/** This computer's interfaces; an empty list when the system does not tell. */
	public static List<Nic> ofThisComputer() {
		List<Nic> nics = new ArrayList<>();
		try {
			for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
				try {
					nics.add(new Nic(nic.getName(), nic.isUp(), nic.isLoopback(), nic.isVirtual(),
							nic.inetAddresses().toList()));
				} catch (SocketException e) {
					// an interface that went away while listed: not a choice
				}
			}
		} catch (SocketException e) {
			return List.of();
		}
		return nics;
	}

	/** The addresses to offer, the likeliest first, as text a board's settings file takes (no IPv6 zone). */
	public static List<String> choose(List<Nic> nics) {
		record Candidate(String text, int addressRank, int nicRank, int order) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (Nic nic : nics) {
			String name = nic.name().toLowerCase(Locale.ROOT);
			if (!nic.up() || nic.loopback() || nic.virtual() || BRIDGE.matcher(name).matches()) {
				continue;
			}
			int nicRank = TUNNEL.matcher(name).matches() ? 1 : 0;
			for (InetAddress address : nic.addresses()) {
				int rank = addressRank(address);
				String text = text(address);
				if (rank >= 0 && candidates.stream().noneMatch(c -> c.text().equals(text))) {
					candidates.add(new Candidate(text, rank, nicRank, candidates.size()));
				}
			}
		}
		return candidates.stream().sorted(Comparator.comparingInt(Candidate::nicRank)
				.thenComparingInt(Candidate::addressRank).thenComparingInt(Candidate::order)).map(Candidate::text)
				.toList();
	}

	/**
	 * Private IPv4 first (what home routers hand out), then other IPv4, IPv6 unique-local and global, IPv4
	 * link-local, IPv6 link-local; -1: not an address a board can use (loopback, wildcard, multicast).
	 */
	private static int addressRank(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return -1;
		}
		if (address instanceof Inet4Address) {
			return address.isSiteLocalAddress() ? 0 : address.isLinkLocalAddress() ? 3 : 1;
		}
		return address.isLinkLocalAddress() ? 4 : 2;
	}

	private static String text(InetAddress address) {
		String text = address.getHostAddress();
		int zone = text.indexOf('%');
		if (address instanceof Inet6Address && zone >= 0) {
			text = text.substring(0, zone);
		}
		return text;
	}
}
