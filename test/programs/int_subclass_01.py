# int subclass instances with small and big values: arithmetic, comparison, hashing, formatting, math, conversions.
class MyInt(int): pass
for v in [0, 5, -5, 2**62-1, -2**62, 2**62, 2**70, True]:
    x = MyInt(v)
    print(type(x).__name__, x, repr(x), x + 1, type(x + 1).__name__, x == v, x < v + 1, hash(x) == hash(v), bool(x), str(x), f"{x:x}", hex(x), -x, abs(x), x * 2, [1,2,3][x % 3], int(x), type(int(x)).__name__, {x: 1}[v], float(x), x // 3, x >> 1, x & 3, divmod(x, 7), pow(x, 2, 7), x.bit_length(), round(x), "%d" % x, (1 << 65) + x)
print(type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big"))
print(MyInt(7) in [7], 7 in {MyInt(7)}, sorted([MyInt(3), 1, MyInt(2)]), max(MyInt(3), 2), sum([MyInt(1), MyInt(2)]))
class PositiveInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = PositiveInt(-6)
print(p, type(p).__name__, p + 0, range(MyInt(3)), list(range(10))[MyInt(2):MyInt(5)], "ab" * MyInt(2), isinstance(p, int))
import math
class M(int): pass
a, b, z = M(4), M(6), M(0)
print(math.factorial(a), math.gcd(a, b), math.isqrt(M(17)), math.comb(a, 2), math.perm(a, 2), math.log2(a), math.floor(a), math.sqrt(a))
print(a.bit_length(), a.to_bytes(2, "big"), (-a).bit_count(), a.as_integer_ratio(), a.real, a.numerator, a.conjugate(), a.__index__())
print(chr(M(65)), "x" * z, [1, 2][z], bool(z), not z, z or "e", abs(M(-3)), divmod(M(7), M(2)), round(M(15), -1), M(3) ** 2)
print(sorted([M(3), M(-1), 2, M(0)]), max([M(3), 5]), min(M(2), M(1)), sum([M(1)] * 3), {M(1), 1, True}, f"{M(5):>4}", "%x %d %s" % (M(255), M(3), M(0)))
print(M(5).__add__(1), int.__add__(M(5), 2), M(5) == 5.0, 5.0 == M(5), M(5) < 5.5, hash(M(-1)), M(2) in range(5), range(10)[M(3)])
import sys
print(str(M(12345)), repr(M(-7)), M("12"), M("ff", 16), M(3.9), M(True), type(M(True)).__name__)
