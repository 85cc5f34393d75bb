adc = None


def setup_pins():
    global adc
    adc = @ADC_CONSTRUCTOR@


def read_sensor():
    return {"value": adc.@ADC_READ@()}


def changed():
    return False  # read every interval
