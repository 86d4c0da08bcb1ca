import sys as _sys

one = 1
two = 2
_three = 3
__dunder__ = 4


def func():
    return "func"
