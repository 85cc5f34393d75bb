# Stand-in for adafruit_connection_manager: the MiniMQTT stand-in makes its own connections.
def get_radio_socketpool(radio):
    return None


def get_radio_ssl_context(radio):
    import ssl

    return ssl.create_default_context()


def connection_manager_close_all(socket_pool=None, release_references=False):
    pass
