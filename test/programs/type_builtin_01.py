# type(): one-argument form, three-argument class creation (bases, dict, methods, qualname), metaclass conflicts, errors.
print(type(1), type(type(1)), type(None).__name__, type(NotImplemented).__name__, type(...).__name__, type(print).__name__, type(type))
def method(self):
    return f"method of {type(self).__name__} x={self.x}"
Dyn = type("Dyn", (), {"x": 5, "method": method, "__repr__": lambda self: "<Dyn instance>"})
d = Dyn()
print(Dyn, Dyn.__name__, Dyn.__qualname__, Dyn.__module__, Dyn.__bases__, d, d.method(), Dyn.x)
Sub = type("Sub", (Dyn,), {"x": 6, "__doc__": "A doc"})
print(Sub.__mro__, Sub().method(), Sub.__doc__, Dyn.__doc__, isinstance(Sub(), Dyn))
Multi = type("Multi", (Sub, dict), {})
m = Multi(a=1)
print([c.__name__ for c in Multi.__mro__], m, m.method(), len(m))
Q = type("Q", (), {"__qualname__": "Outer.Q", "__module__": "mymod"})
print(Q.__qualname__, Q.__module__, Q)
for args in [(), (1, 2), ("X", 1, {}), ("X", (), []), (1, (), {}), ("X", (1,), {}), ("X", (bool,), {})]:
    try:
        type(*args)
    except TypeError as e:
        print(args, "TypeError:", e)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
print(type(A).__name__, type(type("T", (A,), {})).__name__, M1("Made", (), {}).__class__.__name__)
print(type.__name__, type.__mro__, type.__bases__, object.__class__ is type, type(object) is type, type(type) is type)
class WithSlots:
    __slots__ = ("a",)
T2 = type("T2", (WithSlots,), {"__slots__": ("b",)})
t2 = T2()
t2.a, t2.b = 1, 2
print(t2.a, t2.b, hasattr(t2, "__dict__"))
Counter = type("Counter", (), {"count": 0, "__init__": lambda self: setattr(type(self), "count", type(self).count + 1)})
Counter(); Counter()
print(Counter.count, type(Counter()).count)
print(type(1.0)(3), type("")(5), type([])("ab"), type(())([1]), type({})(a=1), type(b"")(2), type(True)([]))
