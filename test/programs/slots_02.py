# __slots__: AttributeError messages for unknown and unset slots, slot descriptors, __dict__/__weakref__ in slots, inheritance.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x, hasattr(p, "y"), P.__slots__, type(P.__dict__["x"]).__name__, hasattr(p, "__dict__"))
for action in ["get y", "set z", "get z", "del y", "del z"]:
    try:
        if action == "get y":
            p.y
        elif action == "set z":
            p.z = 3
        elif action == "get z":
            p.z
        elif action == "del y":
            del p.y
        else:
            del p.z
    except AttributeError as e:
        print(action, "-> AttributeError:", e)
p.y = 2
print(p.y, P.x.__get__(p), P.y.__name__, P.y.__objclass__.__name__)
del p.y
print(hasattr(p, "y"))

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)

class Child(P):
    pass
c = Child(5)
c.extra = "has dict"
print(c.x, c.extra, c.__dict__)

class Child2(P):
    __slots__ = ("z",)
c2 = Child2(1)
c2.z = 3
print(c2.x, c2.z, Child2.__slots__)
try:
    c2.w = 4
except AttributeError as e:
    print("AttributeError:", e)

class StrSlot:
    __slots__ = "only"
s = StrSlot()
s.only = "one"
print(s.only, StrSlot.__slots__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)

class Frozen:
    __slots__ = ()
try:
    Frozen().anything = 1
except AttributeError as e:
    print("AttributeError:", e)

class Counted:
    __slots__ = ("n",)
    total = 0
    def __init__(self):
        Counted.total += 1
        self.n = Counted.total
print([Counted().n for _ in range(3)], Counted.total)
try:
    Counted().total = 5
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in P.__dict__ if not k.startswith("__")), "__weakref__" in dir(P), "__weakref__" in dir(Child))
