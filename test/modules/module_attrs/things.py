"""Things."""
import math as _math

RATE = 0.5
items = []


class Thing:
    """A thing."""

    kind = "thing"

    def __init__(self, n):
        self.n = n

    def double(self):
        return self.n * 2


def add(x):
    items.append(x)
    return len(items)


def get_rate():
    return RATE


def root(x):
    return _math.sqrt(x)
