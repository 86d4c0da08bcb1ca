# property objects: property() calls, read-only and delete errors (3.11 messages), fget/fset/fdel/__doc__, overriding in subclasses.
class Box:
    def __init__(self):
        self._v = 0
    def _get(self):
        print("  get")
        return self._v
    def _set(self, v):
        print("  set", v)
        self._v = v
    def _del(self):
        print("  del")
        del self._v
    value = property(_get, _set, _del, "The value.")
    readonly = property(lambda self: "ro")
    writeonly = property(None, _set)

b = Box()
b.value = 5
print(b.value)
del b.value
print(hasattr(b, "_v"))
print(Box.value.__doc__, Box.value.fget.__name__, Box.value.fset.__name__, Box.value.fdel.__name__, Box.readonly.fset)
for action in ["set readonly", "del readonly", "get writeonly", "del writeonly"]:
    try:
        if action == "set readonly":
            b.readonly = 1
        elif action == "del readonly":
            del b.readonly
        elif action == "get writeonly":
            b.writeonly
        else:
            del b.writeonly
    except AttributeError as e:
        print(action, "-> AttributeError:", e)
b.writeonly = 7
print(b._v, type(Box.value).__name__, isinstance(Box.__dict__["value"], property))

class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @Base.name.getter
    def name(self):
        return "derived+" + super().name
    @name.setter
    def name(self, v):
        print("  Derived set", v)
d = Derived()
print(d.name)
d.name = "x"
print(Base.name.fset, Derived.name.fset.__name__)

class Lazy:
    calls = 0
    @property
    def expensive(self):
        Lazy.calls += 1
        val = Lazy.calls * 100
        self.__dict__["cached"] = val
        return val
lz = Lazy()
print(lz.expensive, lz.expensive, lz.cached, Lazy.calls)

class Shadow:
    @property
    def x(self):
        return "property wins"
sh = Shadow()
sh.__dict__["x"] = "instance dict"
print(sh.x, sh.__dict__)

class Computed:
    def __init__(self, w, h):
        self.w, self.h = w, h
    area = property(lambda self: self.w * self.h, doc="w times h")
    @property
    def raises(self):
        raise AttributeError("inner attribute error")
    def __getattr__(self, name):
        return "fallback for " + name
c = Computed(3, 4)
print(c.area, Computed.area.__doc__, c.raises)
p = property()
print(p.fget, p.fset, p.fdel, p.__doc__)
try:
    p.__get__(c, Computed)
except AttributeError as e:
    print("AttributeError:", e)
