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
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Holds the packets a client sends after its CONNECT until Moquette has marked the connection connected, then lets
 * them on in order.
 * <p>
 * Moquette 0.17 accepts a CONNECT on one of its session threads and marks the connection connected in a listener of
 * the CONNACK's write, which that thread registers after the write was handed to the connection's event loop. A
 * packet read in between (a SUBSCRIBE sent as soon as CONNACK arrived, or one sent right after CONNECT, which MQTT
 * allows) finds the connection not connected, and Moquette closes it: the client sees the broker hang up
 * (measured: about one explorer connection in 300 just after the broker started, more on a busy machine). MQTT
 * 3.1.1 section 3.1.4 lets clients send further packets without waiting for CONNACK.
 * <p>
 * The gate reads Moquette's private {@code MQTTConnection.connected} through the channel's {@code connection}
 * attribute; when that cannot be read (another Moquette) it holds nothing. A held packet waits at most
 * {@link #MAX_WAIT_MS}, then goes on as before; when the connection closes meanwhile, held packets are released.
 */
final class ConnectGate {

	static final long MAX_WAIT_MS = 10_000;
	private static final long POLL_MS = 1;

	private static final AttributeKey<Object> CONNECTION = AttributeKey.valueOf("connection"); //$NON-NLS-1$
	private static final AttributeKey<State> STATE = AttributeKey.valueOf("io.mqttdevices.connectGate"); //$NON-NLS-1$

	/** A channel's gate: open once the connection was seen connected. Touched on the channel's event loop only. */
	private static final class State {
		boolean open;
		final Queue<Object> held = new ArrayDeque<>();
		long waitingSinceNanos;
	}

	private ConnectGate() {
	}

	/**
	 * Takes {@code msg} when it must wait; the caller then does not pass it on.
	 *
	 * @return true when the gate holds the message
	 */
	static boolean hold(ChannelHandlerContext ctx, Object msg) {
		Channel channel = ctx.channel();
		State state = channel.attr(STATE).get();
		if (msg instanceof MqttMessage message && message.fixedHeader() != null
				&& message.fixedHeader().messageType() == MqttMessageType.CONNECT) {
			if (state == null) {
				channel.attr(STATE).set(new State());
			}
			return false;
		}
		if (state == null || state.open) {
			return false; // before a CONNECT Moquette decides alone; after it was connected there is nothing to wait for
		}
		if (state.held.isEmpty()) {
			Boolean connected = connected(channel);
			if (connected == null || connected) {
				state.open = true;
				return false;
			}
			state.waitingSinceNanos = System.nanoTime();
			channel.config().setAutoRead(false);
			state.held.add(msg);
			ctx.executor().schedule(() -> check(ctx, state), POLL_MS, TimeUnit.MILLISECONDS);
			return true;
		}
		state.held.add(msg); // read in the same batch as a held one: keeps its place
		return true;
	}

	private static void check(ChannelHandlerContext ctx, State state) {
		Channel channel = ctx.channel();
		if (!channel.isActive()) {
			state.held.forEach(ReferenceCountUtil::release);
			state.held.clear();
			return;
		}
		Boolean connected = connected(channel);
		boolean waitedEnough = System.nanoTime() - state.waitingSinceNanos > TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
		if (connected != null && !connected && !waitedEnough) {
			ctx.executor().schedule(() -> check(ctx, state), POLL_MS, TimeUnit.MILLISECONDS);
			return;
		}
		state.open = true;
		while (!state.held.isEmpty()) {
			ctx.fireChannelRead(state.held.poll());
		}
		ctx.fireChannelReadComplete();
		channel.config().setAutoRead(true);
	}

	/** Moquette's {@code MQTTConnection.connected} for the channel; null when it cannot be read. */
	private static Boolean connected(Channel channel) {
		Object connection = channel.attr(CONNECTION).get();
		Field field = connection == null ? null : Fields.CONNECTED;
		if (field == null || !field.getDeclaringClass().isInstance(connection)) {
			return null;
		}
		try {
			return field.getBoolean(connection);
		} catch (IllegalAccessException e) {
			return null;
		}
	}

	/** The field, looked up once; null when this Moquette has no such field. */
	private static final class Fields {
		static final Field CONNECTED = find();

		private static Field find() {
			try {
				Field field = Class.forName("io.moquette.broker.MQTTConnection").getDeclaredField("connected"); //$NON-NLS-1$ //$NON-NLS-2$
				if (field.getType() != boolean.class) {
					return null;
				}
				field.setAccessible(true);
				return field;
			} catch (ReflectiveOperationException | RuntimeException e) {
				return null;
			}
		}
	}
}
