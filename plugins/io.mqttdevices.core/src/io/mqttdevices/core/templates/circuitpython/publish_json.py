def publish(client, reading):
    # Several values: one JSON object.
    import json
    client.publish(STATE_TOPIC, json.dumps(reading))
