# Loaded by board.mjs at boot, from outside the flash, only when SIM_FLASH_SIZE or SIM_NO_STATVFS is set (kept out
# of simsupport so that the heap of the board profiles stays as it is). Not a file on the board.
# A flash of a given size (SIM_FLASH_SIZE): os.statvfs reports 4 KB blocks, a file taking its blocks rounded up
# and a folder one block, as LittleFS roughly does; a write past the end raises OSError ENOSPC (28). Without
# statvfs (SIM_NO_STATVFS), os.statvfs raises OSError EINVAL as on a port that lacks it.
_BLOCK = 4096
_flash = [None, True]


def _used(v, d):
    n = 0
    for e in v.ilistdir(d):
        p = d.rstrip('/') + '/' + e[0]
        if e[1] == 0x4000:
            n += 1 + _used(v, p)
        else:
            n += (v.stat(p)[6] + _BLOCK - 1) // _BLOCK
    return n


def _statvfs(self, p):
    if not _flash[1]:
        raise OSError(22)
    if _flash[0] is None:
        return _plain_statvfs(self, p)
    total = _flash[0] // _BLOCK
    free = max(0, total - _used(self.v, '/'))
    return (_BLOCK, _BLOCK, total, free, free, 0, 0, 0, 0, 255)


class _Sized:
    # a file opened for writing on a board with a flash size: counts the blocks it takes
    def __init__(self, f, free):
        self.f = f
        self.free = free
        self.end = 0

    def write(self, b):
        pos = self.f.seek(0, 1)
        end = max(self.end, pos + len(b))
        if (end + _BLOCK - 1) // _BLOCK > (self.end + _BLOCK - 1) // _BLOCK + self.free:
            raise OSError(28)
        self.free -= (end + _BLOCK - 1) // _BLOCK - (self.end + _BLOCK - 1) // _BLOCK
        self.end = end
        return self.f.write(b)

    def seek(self, *a):
        return self.f.seek(*a)

    def flush(self):
        return self.f.flush()

    def close(self):
        return self.f.close()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.f.close()


def _open(self, p, mode='r'):
    f = _plain_open(self, p, mode)
    if _flash[0] is None or 'w' not in mode:
        return f
    return _Sized(f, _flash[0] // _BLOCK - _used(self.v, '/'))


def install(vfs_class, size, statvfs):
    global _plain_statvfs, _plain_open
    _flash[0] = size
    _flash[1] = statvfs
    _plain_statvfs = vfs_class.statvfs
    _plain_open = vfs_class.open
    vfs_class.statvfs = _statvfs
    vfs_class.open = _open
