def publish(client, state_topic, reading):
    # Adafruit IO: one feed per value, <user>/feeds/<feed>-<value name>.
    for name, value in reading.items():
        client.publish(state_topic + b"-" + name.encode(), str(value).encode())
