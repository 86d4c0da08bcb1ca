# Attribute hooks in detail: __getattribute__ raising AttributeError falls back to __getattr__, object.__setattr__, __delattr__, hasattr.
class Tracked:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.a = 1
    def __getattribute__(self, name):
        if name not in ("log", "__dict__", "__class__"):
            object.__getattribute__(self, "log").append("get " + name)
        if name == "secret":
            raise AttributeError("hidden by __getattribute__")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        self.log.append("fallback " + name)
        return f"<{name}>"
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        if name == "a":
            raise AttributeError("cannot delete a")
        object.__delattr__(self, name)

t = Tracked()
print(t.a, t.missing, t.secret)
t.b = 2
del t.b
try:
    del t.a
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(t, "anything"), getattr(t, "a"))
for line in t.log:
    print(" ", line)

class Strict:
    __slots__ = ()
    def __getattr__(self, name):
        raise AttributeError(f"{type(self).__name__} has no {name!r}")
s = Strict()
print(hasattr(s, "x"), getattr(s, "x", "default"))
try:
    s.x
except AttributeError as e:
    print("AttributeError:", e)

class KeyErrorInGetattr:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(KeyErrorInGetattr(), "q")
except KeyError as e:
    print("hasattr propagates KeyError:", e)

class Immutable:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"can't set {name}: immutable")
    def __delattr__(self, name):
        raise AttributeError(f"can't delete {name}: immutable")
im = Immutable(5)
print(im.x)
for thunk in [lambda: setattr(im, "x", 6), lambda: delattr(im, "x"), lambda: setattr(im, "y", 1)]:
    try:
        thunk()
    except AttributeError as e:
        print("AttributeError:", e)

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
for thunk in [lambda: object().x, lambda: (1).real.nope, lambda: "s".upperr, lambda: None.attr, lambda: setattr(1, "x", 2),
              lambda: setattr(object(), "y", 1), lambda: delattr(Proxy(0), "zz"), lambda: type.__dict__["__name__"].__get__(1)]:
    try:
        thunk()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
