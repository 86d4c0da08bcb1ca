# int methods and attributes.
for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 100]:
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator)
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"", "big"))
print((10).as_integer_ratio(), (-3).conjugate(), (5).__index__())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
print(int.__name__, type(5) is int, isinstance(True, int), issubclass(bool, int))
print((12).__add__(3), (12).__radd__(3), (12).__sub__(3), (12).__rsub__(3), (12).__add__(1.5))
print((7).__floordiv__(2), (7).__mod__(2), (7).__pow__(2), (7).__neg__(), (7).__invert__())
print(int.__bases__[0].__name__, bool.__mro__[1].__name__)
