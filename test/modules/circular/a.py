print("a: start")
import b

A_VALUE = "from a"


def use_b():
    return b.B_VALUE


print("a: end, b.B_VALUE =", b.B_VALUE)
