# Comparison dispatch: reflected operands, subclass priority, __ne__ derived from __eq__, the "not supported between" messages.
class T:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __eq__(self, o):
        print(f"  {self}.__eq__({o})")
        return NotImplemented
    def __lt__(self, o):
        print(f"  {self}.__lt__({o})")
        return NotImplemented
    def __ge__(self, o):
        print(f"  {self}.__ge__({o})")
        return NotImplemented

a, b = T("a"), T("b")
print("a == b:", a == b)
print("a != b:", a != b)
print("a == a:", a == a)
for text, fn in [("a < b", lambda: a < b), ("a >= b", lambda: a >= b), ("a > b", lambda: a > b),
                 ("a <= 1", lambda: a <= 1), ("1 < 'x'", lambda: 1 < "x"), ("[] < ()", lambda: [] < ()),
                 ("None > None", lambda: None > None), ("{} < {}", lambda: {} < {}), ("() < []", lambda: () < [])]:
    try:
        print(text, fn())
    except TypeError as e:
        print(text, "TypeError:", e)

class Num:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Num) else o)
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)
    def __hash__(self):
        return hash(self.v)
print(Num(1) == 1, 1 == Num(1), Num(1) != 1, 1 != Num(2), Num(1) < 2, 2 > Num(1), Num(0) < Num(1) < 2)
try:
    0 < Num(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted([Num(3), Num(1), Num(2)], key=lambda n: n.v)[0].v, Num(2) in [1, 2], Num(5) in {5: "x"})

class Base:
    def __eq__(self, o):
        return "Base.__eq__"
    def __lt__(self, o):
        return "Base.__lt__"
class Sub(Base):
    def __eq__(self, o):
        return "Sub.__eq__"
    def __gt__(self, o):
        return "Sub.__gt__"
print(Base() == Sub(), Sub() == Base(), Base() < Sub(), Sub() < Base())

class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq.__hash__)
class OddNe:
    def __eq__(self, o):
        return True
    def __ne__(self, o):
        return "custom ne"
print(OddNe() != 1, 1 != OddNe(), OddNe() == 1)
class TruthyResult:
    def __lt__(self, o):
        return [1]
    def __eq__(self, o):
        return 0
print(TruthyResult() < 1, TruthyResult() == 1, [TruthyResult()] == [1], 1 in [TruthyResult()])
print((1, 2) < (1, 3), [1, [2]] < [1, [3]], "abc" < "abd" < "b", (1, "a") < (1, "b"), [3] > [2, 9])
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan], (nan,) == (nan,))
