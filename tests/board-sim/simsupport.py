# Loaded by board.mjs at every boot, from outside the flash: makes the WebAssembly MicroPython report errors and
# memory as a board does. Not a file on the board.
import sys
import gc as _gc

# Emscripten's errno values (those of WASI) to MicroPython's (mperrno.h, Linux numbering).
_ERRNO = {
    'EPERM': (63, 1), 'ENOENT': (44, 2), 'EIO': (29, 5), 'EBADF': (8, 9), 'EAGAIN': (6, 11), 'ENOMEM': (48, 12),
    'EACCES': (2, 13), 'EBUSY': (10, 16), 'EEXIST': (20, 17), 'EXDEV': (75, 18), 'ENODEV': (43, 19),
    'ENOTDIR': (54, 20), 'EISDIR': (31, 21), 'EINVAL': (28, 22), 'ENOSPC': (51, 28), 'EROFS': (69, 30),
    'ENAMETOOLONG': (37, 36), 'ENOTEMPTY': (55, 39),
}
_MAP = {ems: mp for ems, mp in _ERRNO.values()}


class _Module:
    pass


errno = _Module()
for _k, (_e, _v) in _ERRNO.items():
    setattr(errno, _k, _v)
errno.errorcode = {v: k for k, (e, v) in _ERRNO.items()}


def _mapped(e):
    n = e.args[0] if e.args else None
    return OSError(_MAP[n]) if isinstance(n, int) and n in _MAP else e


class Vfs:
    # VfsPosix with MicroPython's errno values in the OSErrors it raises.
    def __init__(self, v):
        self.v = v


def _forward(name):
    def f(self, *a):
        try:
            return getattr(self.v, name)(*a)
        except OSError as e:
            raise _mapped(e)
    return f


for _n in ('mount', 'umount', 'open', 'ilistdir', 'chdir', 'getcwd', 'mkdir', 'remove', 'rename', 'rmdir', 'stat',
           'statvfs'):
    setattr(Vfs, _n, _forward(_n))

# The wasm build adds what it could still get from the host (its split heap's next area, 128 MB) to
# gc.mem_free(); a profile's board has only its heap.
_SPLIT = 128 * 1024 * 1024
gc = _Module()
gc.collect = _gc.collect
gc.enable = _gc.enable
gc.disable = _gc.disable
gc.isenabled = _gc.isenabled
gc.mem_alloc = _gc.mem_alloc
gc.threshold = _gc.threshold


def _mem_free():
    f = _gc.mem_free() - _SPLIT
    return f if f > 0 else 0


gc.mem_free = _mem_free
_ballast = []


def install(free):
    # free: the profile's gc.mem_free() after boot, or None for the wasm build's own heap
    sys.modules['errno'] = errno
    if free is None:
        return
    sys.modules['gc'] = gc
    settle(free)


def _place(free, size):
    # the stand-in is garbage once this returns
    stand_in = bytearray(free)
    _ballast.append(bytearray(size))
    return len(stand_in)


def settle(free):
    # takes what the board would not have; called again once the setup code is garbage
    # The heap is first fit from the bottom: a stand-in for the free part goes first, the ballast after it, so
    # what is left free is one block, as on a board after boot.
    _gc.collect()
    extra = _mem_free() - free
    if extra > 8192:
        _place(free, extra - 8192)
        _gc.collect()
        extra = _mem_free() - free
    if extra > 32:
        _ballast.append(bytearray(extra - 32))
    _gc.collect()
