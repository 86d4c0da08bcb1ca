# __hash__ rules: default identity hash, __eq__ without __hash__ makes a class unhashable, __hash__ = None, inheriting, bad returns.
class Default:
    pass
class EqOnly:
    def __eq__(self, o):
        return True
class EqAndHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
class Explicit:
    __hash__ = None
class Child(EqAndHash):
    pass
class ChildEq(EqAndHash):
    def __eq__(self, o):
        return False

print(Default.__hash__ is object.__hash__, EqOnly.__hash__, Explicit.__hash__, Child.__hash__ is EqAndHash.__hash__, ChildEq.__hash__)
d = Default()
print(hash(d) == hash(d), {d: 1}[d])
for obj in [EqOnly(), Explicit(), ChildEq(1), [1], {}, set(), bytearray(b"x"), ([1],), slice(1, 2)]:
    try:
        hash(obj)
        print(type(obj).__name__, "hashable")
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print("dict key TypeError:", e)
try:
    {Explicit()}
except TypeError as e:
    print("set TypeError:", e)
print(hash(EqAndHash("k")) == hash("k"), len({EqAndHash(1), EqAndHash(1), EqAndHash(2)}), EqAndHash(3) in {EqAndHash(3)})

class Big:
    def __hash__(self):
        return 2 ** 100
class Neg:
    def __hash__(self):
        return -1
class BoolHash:
    def __hash__(self):
        return True
class Bad:
    def __hash__(self):
        return "str"
class FloatHash:
    def __hash__(self):
        return 1.5
print(hash(Big()), hash(2 ** 100), hash(Neg()), hash(-1), hash(BoolHash()))
for obj in [Bad(), FloatHash()]:
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)

class Loud:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print("  hash", self.k)
        return 0
    def __eq__(self, o):
        print("  eq", self.k, o.k)
        return self.k == o.k
s = {Loud("a")}
print("lookup")
print(Loud("b") in s)
print(Loud("a") in s)
class Rehash(EqAndHash):
    __hash__ = EqAndHash.__hash__
    def __eq__(self, o):
        return True
print(hash(Rehash("x")) == hash("x"), Rehash.__hash__ is EqAndHash.__hash__)
