# float methods: is_integer, hex/fromhex, as_integer_ratio, conversions.
for v in [1.0, 1.5, -2.0, 0.1, 1e300, 0.0, 3.75]:
    print(v, v.is_integer(), v.hex(), v.as_integer_ratio(), float.fromhex(v.hex()) == v)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0xA.8"))
print((2.5).real, (2.5).imag, (2.5).conjugate(), float(True), float("  -0  "))
print(int(2.9), int(-2.9), float.__name__, type(1e3).__name__, isinstance(1.0, float))
print((0.5).__add__(1), (0.5).__radd__(1), (3.0).__floordiv__(2), (3.0).__rtruediv__(1))
print((1.5).__trunc__(), (-1.5).__trunc__(), (2.5).__round__(), (2.75).__round__(1))
try:
    float.fromhex("zz")
except ValueError as e:
    print("ValueError", e)
try:
    (float("inf")).as_integer_ratio()
except OverflowError as e:
    print("OverflowError", e)
