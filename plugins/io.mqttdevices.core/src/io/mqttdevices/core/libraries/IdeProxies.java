/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.libraries;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.net.proxy.IProxyData;
import org.eclipse.core.net.proxy.IProxyService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The IDE's proxy settings (Preferences &gt; General &gt; Network Connections, {@code org.eclipse.core.net}) as a
 * {@link ProxySelector} and {@link Authenticator} for the JDK's HTTP client: asked for every request, so a change of
 * the settings holds from the next download on; the service decides which hosts go direct (non-proxied hosts,
 * system proxies). Outside OSGi, or without the service, every connection is direct. SOCKS proxies are not used:
 * the JDK's HTTP client only speaks through HTTP proxies.
 */
final class IdeProxies extends ProxySelector {

	final Authenticator authenticator = new Authenticator() {
		@Override
		protected PasswordAuthentication getPasswordAuthentication() {
			if (getRequestorType() != RequestorType.PROXY) {
				return null;
			}
			for (IProxyData data : proxyData(getRequestingURL() == null ? null : toUri(getRequestingURL()))) {
				if (data.isRequiresAuthentication() && data.getUserId() != null
						&& data.getHost().equalsIgnoreCase(getRequestingHost()) && data.getPort() == getRequestingPort()) {
					String password = data.getPassword() == null ? "" : data.getPassword(); //$NON-NLS-1$
					return new PasswordAuthentication(data.getUserId(), password.toCharArray());
				}
			}
			return null;
		}
	};

	@Override
	public List<Proxy> select(URI uri) {
		List<Proxy> proxies = new ArrayList<>();
		for (IProxyData data : proxyData(uri)) {
			String type = data.getType();
			if ((IProxyData.HTTP_PROXY_TYPE.equals(type) || IProxyData.HTTPS_PROXY_TYPE.equals(type))
					&& data.getHost() != null && data.getPort() > 0) {
				proxies.add(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(data.getHost(), data.getPort())));
			}
		}
		return proxies.isEmpty() ? List.of(Proxy.NO_PROXY) : proxies;
	}

	@Override
	public void connectFailed(URI uri, SocketAddress address, IOException failure) {
		// the download reports it
	}

	/** The proxies the IDE's settings name for a URI (none: direct); with a null URI, all of them. */
	private static IProxyData[] proxyData(URI uri) {
		Bundle bundle = FrameworkUtil.getBundle(IdeProxies.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return new IProxyData[0];
		}
		ServiceReference<IProxyService> reference = context.getServiceReference(IProxyService.class);
		IProxyService service = reference == null ? null : context.getService(reference);
		if (service == null) {
			return new IProxyData[0];
		}
		try {
			IProxyData[] data = uri == null ? service.getProxyData() : service.select(uri);
			return data == null ? new IProxyData[0] : data;
		} finally {
			context.ungetService(reference);
		}
	}

	private static URI toUri(java.net.URL url) {
		try {
			return url.toURI();
		} catch (java.net.URISyntaxException e) {
			return null;
		}
	}
}
