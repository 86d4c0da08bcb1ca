# types.GenericAlias / types.UnionType, member descriptors, __class__ assignment, dicts of builtin subclasses.
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a("xy"), type(a).__name__, callable(a))
u = int | str | None
print(u, u.__args__, type(u), int | int, (int | str) | float, isinstance(3, u), isinstance(2.0, u))
print(issubclass(bool, int | None), isinstance(None, u))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    1 | int
except TypeError as e:
    print("TypeError:", e)
class Pt:
    __slots__ = ("x", "__y")
    def __init__(self):
        self.x = 1
        self.__y = 2
print(sorted(k for k in Pt.__dict__ if not k.startswith("__")), Pt.x, Pt.x.__qualname__, Pt._Pt__y.__name__)
try:
    Pt.x.__get__(5)
except TypeError as e:
    print("TypeError:", e)
class A: pass
class B: pass
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
try:
    class Both(S1, S2): pass
except TypeError as e:
    print("TypeError:", e)
o = A()
o.v = 1
o.__class__ = B
print(type(o).__name__, o.v)
try:
    o.__class__ = S1
except TypeError as e:
    print("TypeError:", e)
class L(list):
    pass
l = L([1, 2])
l.tag = "t"
print(l, l.tag, vars(l), L.__dict__["__dict__"], L.__dict__["__weakref__"])
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = True
d = D(x=1)
print(d, d.extra, d.__dict__)
