def publish(client, reading):
    # Adafruit IO: one feed per value, <user>/feeds/<feed>-<value name>.
    for name, value in reading.items():
        client.publish(STATE_TOPIC + "-" + name, str(value))
