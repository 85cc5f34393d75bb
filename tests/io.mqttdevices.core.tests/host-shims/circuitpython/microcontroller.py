class _Cpu:
    uid = b"\xca\xfe\x00\x01\x02\x03"
    temperature = 31.5


cpu = _Cpu()
