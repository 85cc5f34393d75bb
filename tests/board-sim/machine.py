# Test double of MicroPython's `machine` module for the simulated board.
# board.mjs imports it from outside the simulated flash at every boot, so it
# never shows up as a user file. Values are fixed so that tests can assert them.
import _simboard

_UNIQUE_ID = b"\xde\xad\xbe\xef\x00\x01"

PWRON_RESET = 1
SOFT_RESET = 5


def unique_id():
    return _UNIQUE_ID


def reset():
    # Like a hard reset: the board comes back in the friendly REPL with the banner.
    _simboard.hard_reset()
    raise SystemExit


def soft_reset():
    raise SystemExit


def reset_cause():
    return PWRON_RESET


def freq(hz=None):
    return 160000000 if hz is None else None


def idle():
    pass


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 1
    IRQ_RISING = 2

    def __init__(self, id, mode=-1, pull=-1, value=None):
        self.id = id
        self._value = 0
        self.init(mode, pull, value)

    def init(self, mode=-1, pull=-1, value=None):
        if value is not None:
            self._value = 1 if value else 0

    def value(self, v=None):
        if v is None:
            return self._value
        self._value = 1 if v else 0

    __call__ = value

    def on(self):
        self._value = 1

    def off(self):
        self._value = 0

    def irq(self, handler=None, trigger=0):
        return None

    def __repr__(self):
        return "Pin(%r)" % (self.id,)


class ADC:
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3
    WIDTH_9BIT = 0
    WIDTH_10BIT = 1
    WIDTH_11BIT = 2
    WIDTH_12BIT = 3

    def __init__(self, pin, *args, **kwargs):
        self.pin = pin

    def read(self):
        return 512

    def read_u16(self):
        return 32768

    def read_uv(self):
        return 1650000

    def atten(self, attn):
        pass

    def width(self, bits):
        pass
