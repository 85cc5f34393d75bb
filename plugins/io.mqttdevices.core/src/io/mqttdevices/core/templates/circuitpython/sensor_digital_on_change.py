import keypad

keys = None
_state = 0


def setup_pins():
    global keys
    # keypad queues every edge in the background: a short pulse is never missed.
    keys = keypad.Keys((PIN,), value_when_pressed=True)


def changed():
    """True once for each queued edge: the reading is pushed at once, not at the next interval."""
    global _state
    event = keys.events.get()
    if event is None:
        return False
    _state = 1 if event.pressed else 0
    return True


def read_sensor():
    return {"state": _state}
