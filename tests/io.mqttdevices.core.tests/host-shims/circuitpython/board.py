# Test double for CircuitPython's board module: any pin name exists.
def __getattr__(name):
    return "board." + name
