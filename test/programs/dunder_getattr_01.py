# __getattr__ (fallback), __getattribute__ (always), __setattr__, __delattr__, dir() of simple classes.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(("get", name))
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        self._fields[name] = value
    def __delattr__(self, name):
        self.log.append(("del", name))
        del self._fields[name]
r = Record(a=1)
r.b = 2
print(r.a, r.b, getattr(r, "c", "default"), hasattr(r, "a"), hasattr(r, "zz"))
del r.a
try:
    r.a
except AttributeError as e:
    print("AttributeError", e)
print(r.log, r._fields)

class Spy:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  getattribute", name)
        return super().__getattribute__(name)
    def method(self):
        return self.x
s = Spy()
print(s.method())
try:
    s.missing
except AttributeError as e:
    print("AttributeError", e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError", e)
print(f.v)

class Simple:
    cls_attr = 1
    def method(self):
        pass
    def __init__(self):
        self.inst = 2
print([n for n in dir(Simple) if not n.startswith("__")], [n for n in dir(Simple()) if not n.startswith("__")])
print(sorted(vars(Simple())), "method" in Simple.__dict__, "cls_attr" in vars(Simple))
print(dir(Simple) == sorted(dir(Simple)), "__init__" in dir(Simple), "__class__" in dir(Simple()))
class Dyn:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(Dyn()))
class Chain:
    def __getattr__(self, name):
        return Chain.Path(name)
    class Path:
        def __init__(self, p):
            self.p = p
        def __getattr__(self, name):
            return Chain.Path(self.p + "." + name)
print(Chain().a.b.c.p)
