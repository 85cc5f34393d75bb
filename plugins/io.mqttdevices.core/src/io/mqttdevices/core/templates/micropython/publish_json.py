def publish(client, state_topic, reading):
    # Several values: one JSON object.
    import json
    client.publish(state_topic, json.dumps(reading).encode())
