import esp32


def setup_pins():
    pass  # the sensor is inside the chip


def read_sensor():
    if hasattr(esp32, "mcu_temperature"):  # ESP32-S2, -S3, -C3
        return {"temperature": esp32.mcu_temperature()}
    return {"temperature": round((esp32.raw_temperature() - 32) / 1.8, 1)}  # classic ESP32 (Fahrenheit)


def changed():
    return False  # read every interval
