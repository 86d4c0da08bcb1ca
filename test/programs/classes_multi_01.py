# Multiple inheritance in practice: mixins, attribute lookup across branches, cooperative __init__ with extra args, __mro__-driven dispatch.
class JsonMixin:
    def to_json(self):
        parts = ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items()))
        return "{" + parts + "}"
class ReprMixin:
    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    __hash__ = None
class Point(ReprMixin, EqMixin, JsonMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p, p.to_json(), p == Point(1, 2), p == Point(2, 1), Point.__hash__, [c.__name__ for c in Point.__mro__])

class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        if kw:
            print("  leftover kwargs:", kw)
class Colored(Base):
    def __init__(self, color="black", **kw):
        super().__init__(**kw)
        self.color = color
        self.log.append("Colored")
class Sized(Base):
    def __init__(self, size=1, **kw):
        super().__init__(**kw)
        self.size = size
        self.log.append("Sized")
class Named(Base):
    def __init__(self, name="?", **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")
class Widget(Colored, Sized, Named):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Widget")
w = Widget(color="red", size=3, name="btn", extra=True)
print(w.color, w.size, w.name, w.log, [c.__name__ for c in Widget.__mro__])

class A:
    x = "A"
    def who(self):
        return "A.who"
class B(A):
    pass
class C(A):
    x = "C"
    def who(self):
        return "C.who -> " + super().who()
class D(B, C):
    pass
d = D()
print(d.x, d.who(), D.x, B.x, super(B, d).who(), super(C, d).who())
for name in ["x", "who"]:
    owner = next(k for k in D.__mro__ if name in k.__dict__)
    print(name, "found in", owner.__name__)

class Left:
    def hello(self):
        return ["Left"] + (super().hello() if hasattr(super(), "hello") else [])
class Right:
    def hello(self):
        return ["Right"] + (super().hello() if hasattr(super(), "hello") else [])
class Both(Left, Right):
    def hello(self):
        return ["Both"] + super().hello()
class Reversed(Right, Left):
    pass
print(Both().hello(), Reversed().hello(), isinstance(Both(), Right), issubclass(Reversed, Left))
class Counter(dict, JsonMixin):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
        return self
c = Counter().add("a").add("b").add("a")
print(c, c.to_json(), len(c), isinstance(c, dict), type(c).__mro__[1].__name__)
