class _Radio:
    connected = False

    def connect(self, ssid, password):
        self.connected = True


radio = _Radio()
