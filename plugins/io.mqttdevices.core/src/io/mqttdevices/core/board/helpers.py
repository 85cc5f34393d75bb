# Device side of file sync, run once per raw REPL session (names start with _q to stay out of the user's way).
# Prints the flash root, the hash kind: s (SHA-256), c (size + CRC32) or n (size only), whether it can inflate,
# and its free heap.
import os
import gc
try:
    import binascii as _qb
except ImportError:
    import ubinascii as _qb
try:
    import hashlib as _qhl
    _qhl.sha256
except (ImportError, AttributeError):
    _qhl = None
try:
    import deflate as _qdf
    import io as _qio
except ImportError:
    _qdf = None
_qbuf = bytearray(1024)
_qT = '.mqd-tmp-'
_qN = '.mqd-new-'
_qf = None
_qwk = None


def _qk():
    if _qhl:
        return 's'
    return 'c' if hasattr(_qb, 'crc32') else 'n'


def _qh(p):
    k = _qk()
    if k == 'n':
        return 'n'
    h = _qhl.sha256() if k == 's' else None
    c = 0
    m = memoryview(_qbuf)
    with open(p, 'rb') as f:
        while True:
            n = f.readinto(_qbuf)
            if not n:
                break
            if h:
                h.update(m[:n])
            else:
                c = _qb.crc32(m[:n], c)
    if h:
        return 's' + _qb.hexlify(h.digest()).decode()
    return 'c%08x' % (c & 0xffffffff)


# Paths are relative to the current folder, the flash root (on the WebAssembly build os.rename fails on absolute
# paths); '' is the root itself.
def _qj(d, n):
    return d + '/' + n if d else n


def _qs(p):
    i = p.rfind('/')
    return (p[:i], p[i + 1:]) if i >= 0 else ('', p)


def _qi(d):
    return os.ilistdir(d) if d else os.ilistdir()


def _qr(d):
    # Finishes or forgets what an interrupted upload left: a verified .mqd-new- file replaces its target,
    # an unverified .mqd-tmp- file goes.
    for e in list(_qi(d)):
        n = e[0]
        p = _qj(d, n)
        if e[1] == 0x4000:
            _qr(p)
        elif n.startswith(_qT):
            os.remove(p)
        elif n.startswith(_qN):
            t = _qj(d, n[len(_qN):])
            try:
                os.remove(t)
            except OSError:
                pass
            os.rename(p, t)


# The listing goes in pages, a command each, so no command allocates more than the board can spare: _qwk walks the
# tree, _qn(n) prints its next n entries (D path, or F size path) and E at the end.
def _qg(d):
    for e in _qi(d):
        p = _qj(d, e[0])
        if e[1] == 0x4000:
            yield 'D', p
            yield from _qg(p)
        else:
            yield 'F', p


def _qn(n):
    for e in _qwk:
        if e[0] == 'D':
            print('D', e[1])
        else:
            print('F', os.stat(e[1])[6], e[1])
        n -= 1
        if not n:
            return
    print('E')


def _qhs(ps):
    for p in ps:
        print('H', _qh(p), p)


def _qd(p):
    try:
        os.mkdir(p)
    except OSError:
        pass


def _qo(p):
    # a command retried after a MemoryError opens the file again
    global _qf
    if _qf:
        _qf.close()
    _qf = open(p, 'wb')


# o: where the bytes go in the file, so a command retried after a MemoryError writes them once
def _qw(b, o):
    _qf.seek(o)
    _qf.write(b)


def _qz(b, w):
    return _qdf.DeflateIO(_qio.BytesIO(b), _qdf.RAW, w).read()


def _qc(t, p, s, h):
    global _qf
    _qf.close()
    _qf = None
    got = os.stat(t)[6]
    if got != s or _qh(t) != h:
        os.remove(t)
        raise OSError('verify failed: %d bytes written of %d, or wrong hash' % (got, s))
    try:
        os.rename(t, p)
    except OSError:
        # FAT does not rename over a file: keep the verified copy under a name _qr completes
        d, n = _qs(p)
        q = _qj(d, _qN + n)
        os.rename(t, q)
        os.remove(p)
        os.rename(q, p)


def _qx(t):
    global _qf
    try:
        _qf.close()
    except Exception:
        pass
    _qf = None
    try:
        os.remove(t)
    except OSError:
        pass


def _qrm(p, isdir):
    if isdir:
        os.rmdir(p)
    else:
        os.remove(p)


# and the heap left free, from which the uploader sizes its commands (-1: not known)
gc.collect()
print(os.getcwd(), _qk(), 1 if _qdf else 0, gc.mem_free() if hasattr(gc, 'mem_free') else -1)
