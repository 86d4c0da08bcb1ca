# globals() and locals(): module namespace keys, modifications through globals(), locals() snapshots in functions and classes.
import sys
before = sorted(k for k in globals())
print(before)
print(__name__, globals()["__name__"], globals() is sys.modules[__name__].__dict__, locals() is globals(), __doc__, __spec__)
globals()["created"] = "via globals()"
print(created)
def func(a, b=2):
    c = a + b
    snapshot = locals()
    d = 4
    return snapshot, locals()
snap, later = func(1)
print(snap, sorted(later))
def modify_locals():
    x = 1
    locals()["x"] = 99
    return x
print(modify_locals())
class K:
    a = 1
    b = a + 1
    ns = sorted(locals())
print(K.ns)
def closure():
    v = "cell"
    def inner():
        w = v
        return locals()
    return inner()
print(closure())
print([k for k in globals() if not k.startswith("__")])
def gen():
    g = 1
    yield locals()
    h = 2
    yield locals()
print(list(gen()))
print(sorted((lambda p, q=1: locals())(0)), (lambda: globals() is globals())())
print(type(globals()).__name__, type(locals()).__name__, "__builtins__" in globals(), "print" in dir(globals()["__builtins__"]))
del globals()["created"]
try:
    created
except NameError as e:
    print("NameError:", e)
