pin = None
_changed = False
_rose = False


def _on_edge(p):
    # Runs in an interrupt: only note what happened, publish from the main loop.
    global _changed, _rose
    _changed = True
    if p.value():
        _rose = True  # a short pulse (a motion detector) is not missed


def setup_pins():
    global pin
    pin = machine.Pin(CONFIG["sensor_pin"], machine.Pin.IN)
    pin.irq(trigger=machine.Pin.IRQ_RISING | machine.Pin.IRQ_FALLING, handler=_on_edge)


def changed():
    """True once after each edge: the reading is pushed at once, not at the next interval."""
    global _changed
    if _changed:
        _changed = False
        return True
    return False


def read_sensor():
    global _rose
    state = 1 if _rose else pin.value()
    _rose = False
    return {"state": state}
