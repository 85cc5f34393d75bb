# MicroPython's socket and ssl as umqtt.simple uses them, over CPython's: sockets are streams, write(buf[, n])
# sends it all and read(n) returns n bytes (fewer only at the end of the stream, None when non-blocking and empty).
# ssl.wrap_socket is MicroPython's legacy one: it checks no certificate and sends no host name.
import socket as _socket
import ssl as _ssl


class Stream:
    def __init__(self, sock):
        self._sock = sock

    def settimeout(self, seconds):
        self._sock.settimeout(seconds)

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def connect(self, address):
        self._sock.connect(address)

    def close(self):
        self._sock.close()

    def write(self, buf, n=None):
        if isinstance(buf, str):
            buf = buf.encode()  # MicroPython writes a str's UTF-8 bytes, whatever length was announced
        data = bytes(buf if n is None else memoryview(buf)[:n])
        self._sock.sendall(data)
        return len(data)

    def read(self, n):
        data = b""
        while len(data) < n:
            try:
                chunk = self._sock.recv(n - len(data))
            except BlockingIOError:
                return data or None
            if not chunk:
                break
            data += chunk
        return data


def socket():
    return Stream(_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM))


def getaddrinfo(host, port):
    return _socket.getaddrinfo(host, port, _socket.AF_INET, _socket.SOCK_STREAM)


_wrap = _ssl.SSLContext.wrap_socket


def _wrap_stream(self, sock, *args, **kwargs):
    if isinstance(sock, Stream):
        return Stream(_wrap(self, sock._sock, *args, **kwargs))
    return _wrap(self, sock, *args, **kwargs)


def _legacy_wrap_socket(sock, **kwargs):
    context = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = _ssl.CERT_NONE
    return context.wrap_socket(sock)


def install(umqtt_simple):
    """Gives the real umqtt.simple these sockets and MicroPython's ssl behaviour."""
    umqtt_simple.socket = __import__(__name__)
    _ssl.SSLContext.wrap_socket = _wrap_stream
    _ssl.wrap_socket = _legacy_wrap_socket
