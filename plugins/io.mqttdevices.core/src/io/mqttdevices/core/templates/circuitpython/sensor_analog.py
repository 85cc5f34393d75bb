import analogio

adc = None


def setup_pins():
    global adc
    adc = analogio.AnalogIn(PIN)


def read_sensor():
    return {"value": adc.value}  # 0..65535


def changed():
    return False  # read every interval
