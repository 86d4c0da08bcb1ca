# __hash__ / __eq__ interplay with dict and set; unhashable when __eq__ defined without __hash__.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k.lower() == o.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
    def __repr__(self):
        return f"Key({self.k!r})"

d = {Key("A"): 1}
d[Key("a")] = 2
print(d, len(d), Key("A") in d, {Key("x"), Key("X"), Key("y")}.__len__())

class EqOnly:
    def __eq__(self, o):
        return True
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError", e)
print(EqOnly.__hash__)

class IntHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return f"I{self.v}"
s = {IntHash(3), IntHash(1), IntHash(2), IntHash(1)}
print(sorted(s, key=lambda i: i.v), hash(IntHash(-1)), hash(IntHash(2 ** 70)), hash(-1), hash(-2))

class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)

class Inherit(Key):
    pass
print(hash(Inherit("Q")) == hash(Key("q")), Inherit("Q") == Key("q"))
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-1.5), hash(float("inf")))
print(hash((1, 2)), hash(()), hash((None,)) == hash((None,)), hash("") == 0)
