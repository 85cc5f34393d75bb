# CircuitPython reads settings.toml into os.getenv(): do the same from the project folder, which stands for the
# CIRCUITPY drive: "/" of the board is SHIM_FLASH.
import builtins
import os
import tomllib

_flash = os.environ.get("SHIM_FLASH", ".")

with open(os.path.join(_flash, "settings.toml"), "rb") as f:
    for key, value in tomllib.load(f).items():
        os.environ[key] = str(value)

_open = builtins.open


def _board_open(path, *args, **kwargs):
    if isinstance(path, str) and path.startswith("/") and path.count("/") == 1:
        path = os.path.join(_flash, path[1:])
    return _open(path, *args, **kwargs)


builtins.open = _board_open
