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

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.moquette.broker.NettyUtils;
import io.moquette.broker.Server;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;

/**
 * Notices the messages Moquette refuses for their size. Moquette 0.17's decoder turns a packet over
 * {@code netty.mqtt.message_size} into a failed message, and its handler then closes the connection and logs
 * through SLF4J, which the IDE does not show: without this, the message vanishes silently.
 * <p>
 * Moquette has no hook in its connections' pipelines, and its interceptors hear of a publish only after it was
 * delivered; so this handler takes the pipeline slot Moquette keeps for its optional metrics handler (the private
 * field {@code NewNettyAcceptor.metrics}, read for every accepted connection), which sits after the decoder and
 * Moquette's message logger (which turns the failed message into an exception) and before Moquette's handler.
 * It only watches: every message and exception goes on to Moquette unchanged, the packets after a CONNECT once
 * {@link ConnectGate} lets them (the slot is the only one there is, so the gate lives here too).
 */
@ChannelHandler.Sharable
final class OversizedMessages extends ChannelInboundHandlerAdapter {

	/** Told of each refused message, on a broker thread. */
	@FunctionalInterface
	interface Listener {
		/**
		 * @param clientId the sender's client id, or null when it was not connected yet
		 * @param bytes    the packet's size after its fixed header, or -1 when unknown
		 */
		void refused(String clientId, long bytes);
	}

	private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$"); //$NON-NLS-1$

	private final Listener listener;

	OversizedMessages(Listener listener) {
		this.listener = listener;
	}

	/**
	 * Puts this handler into the pipeline of every connection the started server accepts from now on.
	 *
	 * @return false when this Moquette has no such slot (another version): refusals then go unreported
	 */
	boolean installIn(Server server) {
		try {
			Field acceptorField = Server.class.getDeclaredField("acceptor"); //$NON-NLS-1$
			acceptorField.setAccessible(true);
			Object acceptor = acceptorField.get(server);
			Field metricsField = acceptor.getClass().getDeclaredField("metrics"); //$NON-NLS-1$
			metricsField.setAccessible(true);
			if (!Optional.class.equals(metricsField.getType()) || ((Optional<?>) metricsField.get(acceptor)).isPresent()) {
				return false;
			}
			metricsField.set(acceptor, Optional.of(this));
			return true;
		} catch (ReflectiveOperationException | RuntimeException e) {
			return false;
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof MqttMessage message) {
			DecoderResult result = message.decoderResult();
			if (result != null && result.isFailure()) {
				report(ctx, result.cause());
			}
		}
		if (ConnectGate.hold(ctx, msg)) {
			return;
		}
		ctx.fireChannelRead(msg);
	}

	/** Moquette's message logger, before this handler, turns the failed message into an exception. */
	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		report(ctx, cause);
		ctx.fireExceptionCaught(cause);
	}

	private void report(ChannelHandlerContext ctx, Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof TooLongFrameException tooLong) {
				try {
					listener.refused(NettyUtils.clientID(ctx.channel()), size(tooLong));
				} catch (RuntimeException e) {
					// a failing listener must not change what the broker does
				}
				return;
			}
		}
	}

	/** The size in Netty's "message length exceeds 65536: 100016": its last number. */
	static long size(TooLongFrameException error) {
		Matcher matcher = LAST_NUMBER.matcher(String.valueOf(error.getMessage()));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}
}
