# Test double for CircuitPython's wifi module: the network always joins. The class is named as the board's, so
# that adafruit_connection_manager picks socketpool and ssl for it.
class Radio:
    connected = False

    def connect(self, ssid, password):
        self.connected = True


radio = Radio()
