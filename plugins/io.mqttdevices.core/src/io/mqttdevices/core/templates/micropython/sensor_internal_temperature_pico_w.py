adc = None


def setup_pins():
    global adc
    adc = machine.ADC(4)  # the RP2040's temperature sensor


def read_sensor():
    volts = adc.read_u16() * 3.3 / 65535
    return {"temperature": round(27 - (volts - 0.706) / 0.001721, 1)}


def changed():
    return False  # read every interval
