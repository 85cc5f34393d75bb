def publish(client, reading):
    # One value per message, as it is.
    client.publish(STATE_TOPIC, str(list(reading.values())[0]))
