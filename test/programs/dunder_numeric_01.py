# Numeric conversion dunders: __index__/__int__/__float__/__trunc__ (via math.trunc)/__floor__/__ceil__/__round__/__bool__ and where each is used.
import math
class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        print("  __index__")
        return int(self.v)
    def __int__(self):
        print("  __int__")
        return int(self.v) + 1000
    def __float__(self):
        print("  __float__")
        return float(self.v) + 0.5
    def __trunc__(self):
        return "trunc called"
    def __floor__(self):
        return "floor called"
    def __ceil__(self):
        return "ceil called"
    def __round__(self, n=None):
        return f"round({n})"
n = Num(3)
print(int(n))
print(float(n))
print(math.trunc(n), math.floor(n), math.ceil(n), round(n), round(n, 2))
print([10, 20, 30, 40][n])
print(hex(n), bin(n), oct(n))
print("ab" * n)
print(range(n))
print(math.sqrt(n))
print(math.factorial(n))
print(n.__index__() + 1, f"{int(n)}")
class OnlyIndex:
    def __index__(self):
        return 5
o = OnlyIndex()
print(int(o), float(o), math.floor(o), o.__index__())
for fn in [lambda: round(o), lambda: math.trunc(o)]:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
class OnlyFloat:
    def __float__(self):
        return 2.75
f = OnlyFloat()
print(float(f), math.floor(f), math.ceil(f), math.sqrt(f) == math.sqrt(2.75), math.isfinite(f))
for fn in [lambda: int(f), lambda: [1][f], lambda: range(f), lambda: hex(f)]:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
class BadIndex:
    def __index__(self):
        return 1.5
class BadInt:
    def __int__(self):
        return "nope"
for fn in [lambda: [1, 2][BadIndex()], lambda: int(BadInt()), lambda: hex(BadIndex())]:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
class IntSub(int):
    pass
class IndexReturnsPlain:
    def __index__(self):
        return IntSub(7) - 0
r = int(IndexReturnsPlain())
print(r, type(r).__name__, type(IntSub(7)).__name__, type(+IntSub(7)).__name__)
print(int(True), float(True), math.floor(2.5), math.ceil(-2.5), math.trunc(-2.5), type(math.floor(2.5)).__name__, round(2.5), round(True))
