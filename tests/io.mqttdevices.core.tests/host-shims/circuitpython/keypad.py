class _Events:
    def get(self):
        return None


class Keys:
    def __init__(self, pins, value_when_pressed=True, pull=True):
        self.events = _Events()
