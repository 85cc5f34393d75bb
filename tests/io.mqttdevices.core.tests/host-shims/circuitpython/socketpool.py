# CircuitPython's socketpool over CPython's socket. As on a board, a read that times out raises
# OSError(EAGAIN), in plain and in TLS sockets, and a closed connection reads 0 bytes.
import errno
import socket as _socket
import ssl as _ssl


def _board_timeout(read):
    def recv_into(self, *args, **kwargs):
        try:
            return read(self, *args, **kwargs)
        except TimeoutError:
            raise OSError(errno.EAGAIN, "timed out") from None

    return recv_into


class Socket(_socket.socket):
    recv_into = _board_timeout(_socket.socket.recv_into)


class _SSLSocket(_ssl.SSLSocket):
    recv_into = _board_timeout(_ssl.SSLSocket.recv_into)


_ssl.SSLContext.sslsocket_class = _SSLSocket


class SocketPool:
    AF_INET = _socket.AF_INET
    SOCK_STREAM = _socket.SOCK_STREAM
    SOCK_DGRAM = _socket.SOCK_DGRAM
    IPPROTO_TCP = _socket.IPPROTO_TCP
    gaierror = _socket.gaierror

    def __init__(self, radio):
        self.radio = radio

    def socket(self, family=AF_INET, type=SOCK_STREAM, proto=0):
        return Socket(family, type, proto)

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        return _socket.getaddrinfo(host, port, _socket.AF_INET, type or _socket.SOCK_STREAM)
