# Test double for MicroPython's network module: Wi-Fi always joins.
STA_IF = 0


class WLAN:
    _connected = False

    def __init__(self, interface):
        pass

    def active(self, on=None):
        return True

    def isconnected(self):
        return WLAN._connected

    def connect(self, ssid, password):
        WLAN._connected = True

    def ifconfig(self):
        return ("127.0.0.1", "255.0.0.0", "127.0.0.1", "127.0.0.1")
