# Test double for MicroPython's machine module: fixed id, fixed readings.
def unique_id():
    return b"\xde\xad\xbe\xef\x00\x01"


def reset():
    raise SystemExit("machine.reset()")


class Pin:
    IN = 0
    OUT = 1
    IRQ_RISING = 1
    IRQ_FALLING = 2

    def __init__(self, number, mode=IN, pull=None):
        self.number = number
        self._value = 0

    def value(self, v=None):
        if v is None:
            return self._value
        self._value = v

    def irq(self, trigger=0, handler=None):
        self.handler = handler


class ADC:
    def __init__(self, pin):
        self.pin = pin

    def read(self):
        return 512

    def read_u16(self):
        return 32768
