# MicroPython's time extras, and "/" of the board's flash mapped to SHIM_FLASH (the project folder).
import builtins
import os
import time

time.ticks_ms = lambda: int(time.monotonic() * 1000)
time.ticks_add = lambda ticks, delta: ticks + delta
time.ticks_diff = lambda a, b: a - b
time.sleep_ms = lambda ms: time.sleep(ms / 1000)

_open = builtins.open
_flash = os.environ.get("SHIM_FLASH")


def _board_open(path, *args, **kwargs):
    if _flash and isinstance(path, str) and path.startswith("/") and path.count("/") == 1:
        path = os.path.join(_flash, path[1:])
    return _open(path, *args, **kwargs)


builtins.open = _board_open

# The real umqtt.simple (not the stand-in) gets MicroPython's sockets.
try:
    import umqtt.simple as _umqtt
except ImportError:
    _umqtt = None
if _umqtt is not None and not getattr(_umqtt, "STAND_IN", False):
    import board_socket

    board_socket.install(_umqtt)
