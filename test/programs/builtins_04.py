# getattr, setattr, hasattr, delattr, vars, dir, globals-free introspection.
class Cfg:
    debug = False
    def __init__(self):
        self.level = 3
c = Cfg()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "fallback"), getattr(Cfg, "debug"))
setattr(c, "level", 5)
setattr(c, "new_attr", [1])
print(c.level, c.new_attr, hasattr(c, "new_attr"), hasattr(c, "nope"), hasattr(Cfg, "level"))
delattr(c, "new_attr")
print(hasattr(c, "new_attr"), vars(c))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError", e)
print(getattr("abc", "upper")(), getattr([1, 2], "__len__")(), getattr(5, "real"), hasattr(5, "bit_length"))
print(sorted(vars(Cfg).keys() - {"__module__", "__dict__", "__weakref__", "__doc__"}))
print([n for n in dir(c) if not n.startswith("_")], "level" in dir(c))
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
for name in ["a", "b", "c"]:
    setattr(Cfg, name, name * 2)
print(Cfg.a, Cfg.b, c.c)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError", e)
try:
    object().__dict__
except AttributeError as e:
    print("AttributeError", e)
