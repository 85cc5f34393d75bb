def mcu_temperature():
    return 41
