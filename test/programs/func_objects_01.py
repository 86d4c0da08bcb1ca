# Function and method objects: writable dunders, __defaults__/__kwdefaults__ effects, bound method identity/equality, __self__/__func__.
def f(a, b=2, *, c=3):
    """Doc of f."""
    return a, b, c

print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__, f.__closure__, f.__annotations__)
f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30}
print(f(1))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
f.__defaults__ = (1, 2)
print(f())
f.__doc__ = "changed"
f.__qualname__ = "renamed.f"
f.__module__ = "fake_module"
print(f.__doc__, f.__qualname__, f.__module__, f.__name__)
for attr, value in [("__name__", 5), ("__qualname__", None), ("__defaults__", [1]), ("__kwdefaults__", 3), ("__code__", "x")]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print(attr, "TypeError:", e)
def annotated(x: int, y: "str" = "d") -> list:
    pass
print(annotated.__annotations__)
f.custom = {"k": 1}
print(f.__dict__, sorted(vars(f)))

class C:
    def m(self, x):
        return (self.tag, x)
    def __init__(self, tag):
        self.tag = tag
a, b = C("a"), C("b")
bm = a.m
print(bm(1), bm.__self__ is a, bm.__func__ is C.m, bm.__name__, bm.__qualname__, bm.__doc__, type(bm).__name__)
print(a.m == a.m, a.m is a.m, a.m == b.m, C.m is C.m, C.m(b, 2), bm.__func__(b, 3))
stored = [a.m, b.m]
print([s(0) for s in stored], hash(a.m) == hash(a.m))
unbound = C.__dict__["m"]
bound_manually = unbound.__get__(b, C)
print(bound_manually(4), unbound.__get__(None, C) is unbound)
try:
    bm.new_attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(bm.__func__.__code__.co_varnames, len.__name__, len.__qualname__, type(len).__name__, [].append.__name__, type([].append).__name__)
print(len.__self__ is not None, [].append.__self__ == [], "x".upper.__qualname__, int.__add__.__qualname__, type(int.__add__).__name__)
def make():
    v = 1
    def g():
        return v
    return g
g1, g2 = make(), make()
print(g1.__code__ is g2.__code__, g1 is g2, g1.__closure__[0] is g2.__closure__[0], g1.__qualname__)
print(callable(f), f.__call__ is not None, type(f).__name__, f.__globals__ is globals(), type(f.__builtins__).__name__)
