# CircuitPython reads settings.toml into os.getenv(): do the same from the project folder.
import os
import tomllib

with open(os.path.join(os.environ.get("SHIM_FLASH", "."), "settings.toml"), "rb") as f:
    for key, value in tomllib.load(f).items():
        os.environ[key] = str(value)
