import dht

sensor = None


def setup_pins():
    global sensor
    sensor = dht.@DHT_CLASS@(machine.Pin(CONFIG["sensor_pin"]))


def read_sensor():
    sensor.measure()  # raises OSError when the sensor does not answer
    return {"temperature": sensor.temperature(), "humidity": sensor.humidity()}


def changed():
    return False  # read every interval
