# Test double for MicroPython's dht module.
class DHT22:
    def __init__(self, pin):
        pass

    def measure(self):
        pass

    def temperature(self):
        return 21.5

    def humidity(self):
        return 40.0


DHT11 = DHT22
