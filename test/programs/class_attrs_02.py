# Attribute lookup: instance dict vs class vs bases, mutation through classes, __dict__ contents, __class__, type attributes.
class Base:
    shared = []
    kind = "base"
    def where(self):
        return "Base.where"

class Sub(Base):
    kind = "sub"

a, b = Sub(), Sub()
a.shared.append(1)
b.shared.append(2)
print(Base.shared, a.kind, Base.kind, Sub.__dict__.get("shared"), "kind" in Sub.__dict__)
a.kind = "instance"
print(a.kind, b.kind, a.__dict__, b.__dict__)
del a.kind
print(a.kind)
Sub.kind = "changed on class"
print(a.kind, b.kind, Base.kind)
del Sub.kind
print(a.kind)
Base.new_attr = "added later"
print(a.new_attr, hasattr(b, "new_attr"))
a.where = lambda: "instance function (not bound)"
print(a.where(), b.where())
try:
    del b.where
except AttributeError as e:
    print("AttributeError:", e)
try:
    Sub.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.nope
except AttributeError as e:
    print("AttributeError:", e)
print(a.__class__.__name__, type(a) is Sub, a.__class__.__bases__[0].__name__, Sub.__name__, Sub.__qualname__, Sub.__module__)

class Other:
    def where(self):
        return "Other.where"
o = Sub()
o.__class__ = Base
print(o.where(), type(o).__name__)
try:
    o.__class__ = int
except TypeError as e:
    print("TypeError:", e)

class Counter:
    n = 0
    def inc(self):
        self.n += 1
        return self.n
c1, c2 = Counter(), Counter()
print(c1.inc(), c1.inc(), c2.inc(), Counter.n, c1.__dict__)
class Doc:
    """Docstring here."""
    x: int = 3
    y: str
print(Doc.__doc__, Doc.__annotations__ == {"x": int, "y": str}, Doc.x, hasattr(Doc, "y"))
print(sorted(k for k in vars(Sub)), sorted(k for k in Base.__dict__ if not k.startswith("__")))
