def publish(client, state_topic, reading):
    # One value per message, as it is.
    client.publish(state_topic, str(list(reading.values())[0]).encode())
