def get_radio_socketpool(radio):
    return None


def get_radio_ssl_context(radio):
    return None
