# Rich comparison dunders, reflection, NotImplemented, == fallback to identity, ordering via sorted.
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        if not isinstance(o, Ver):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        print(f"  {self!r} < {o!r}") if False else None
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    __hash__ = None

a, b, c = Ver("1.2"), Ver("1.10"), Ver("1.2.0")
print(a < b, a <= b, a > b, a >= b, a == Ver("1.2"), a != b, a == c, a == "1.2", a != "1.2")
print(sorted([Ver("2.0"), Ver("1.0.1"), Ver("1.0"), Ver("0.9")]), max([a, b, c]), min(a, b))
print(Ver.__hash__ is None)
try:
    hash(a)
except TypeError as e:
    print("TypeError", e)

class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"  Loud({self.n}).__lt__")
        return NotImplemented
    def __gt__(self, o):
        print(f"  Loud({self.n}).__gt__")
        return NotImplemented
print("try:")
try:
    Loud(1) < Loud(2)
except TypeError as e:
    print("TypeError", e)

class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p)

class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5, [1, AlwaysEq()].count(9), AlwaysEq() in [1], [AlwaysEq()] == [2])

class Chain:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v
x, y, z = Chain(1), Chain(2), Chain(0)
print(x < y < z)
class Reverse:
    def __gt__(self, o):
        return "Reverse.__gt__"
print(3 < Reverse(), Reverse() > 3)
