# getattr/setattr/hasattr/delattr with descriptors, properties and __getattr__; vars() forms; errors for bad names and read-only attrs.
class P:
    cls_attr = "class"
    def __init__(self):
        self.inst = "instance"
    @property
    def prop(self):
        return "property value"
    @property
    def broken(self):
        raise AttributeError("broken property")
    def method(self):
        return "method"
p = P()
print(getattr(p, "inst"), getattr(p, "cls_attr"), getattr(p, "prop"), getattr(p, "method")(), getattr(P, "method")(p))
print(getattr(p, "broken", "default used"), hasattr(p, "broken"), hasattr(p, "prop"), hasattr(P, "prop"), type(getattr(P, "prop")).__name__)
setattr(p, "dynamic", 1)
setattr(P, "added", lambda self: "added method")
print(p.dynamic, p.added(), vars(p))
for fn, args in [(getattr, (p, "nope")), (getattr, (p, 1)), (setattr, (p, 1, 2)), (delattr, (p, "nope")), (setattr, (p, "prop", 1)),
                 (delattr, (p, "prop")), (hasattr, (p, None)), (getattr, (p,)), (setattr, (1, "real", 2)), (delattr, (P, "nope")),
                 (setattr, (int, "x", 1)), (delattr, (int, "real"))]:
    try:
        fn(*args)
        print(fn.__name__, "ok")
    except (AttributeError, TypeError) as e:
        print(fn.__name__, type(e).__name__ + ":", e)
delattr(p, "dynamic")
delattr(P, "added")
print(hasattr(p, "dynamic"), hasattr(p, "added"), getattr(p, "__class__").__name__, getattr(1, "__class__").__name__)
print(sorted(vars(P).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__init__"}))
print(type(vars(P)).__name__, vars(P)["cls_attr"], "inst" in vars(p))
vars(p)["through_vars"] = True
print(p.through_vars)
def f():
    pass
f.attr = 3
print(vars(f))
for obj in [1, "s", [], None]:
    try:
        vars(obj)
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
try:
    vars(p, p)
except TypeError as e:
    print("TypeError:", e)
print(getattr(p, "in" + "st"), setattr(p, "x" * 3, "long"), p.xxx, hasattr(p, ""), getattr(p, "", "empty-name default"))
setattr(p, "not an identifier", 5)
print(getattr(p, "not an identifier"), vars(p))
