def announce(client, cid, state_topic, availability_topic):
    pass  # Home Assistant discovery was not chosen; see README.md for the manual YAML
