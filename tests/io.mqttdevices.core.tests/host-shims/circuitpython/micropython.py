# CircuitPython's micropython module: const() is the value itself.
def const(value):
    return value
