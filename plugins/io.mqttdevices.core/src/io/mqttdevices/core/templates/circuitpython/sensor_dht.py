import adafruit_dht

sensor = None


def setup_pins():
    global sensor
    sensor = adafruit_dht.@DHT_CLASS@(PIN)


def read_sensor():
    # raises RuntimeError now and then: DHT sensors are slow to answer
    return {"temperature": sensor.temperature, "humidity": sensor.humidity}


def changed():
    return False  # read every interval
