def announce(client):
    pass  # Home Assistant discovery was not chosen; see README.md for the manual YAML
