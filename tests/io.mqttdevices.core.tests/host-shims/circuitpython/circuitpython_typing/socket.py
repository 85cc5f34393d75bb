# The type names adafruit_connection_manager imports when it is not on CircuitPython (type hints only).
CircuitPythonSocketType = InterfaceType = SocketpoolModuleType = SocketType = SSLContextType = object
