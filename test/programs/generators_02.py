# Generator objects: gi_running, gi_frame, gi_code, gi_suspended, gi_yieldfrom, names, states, re-entrancy error.
def simple():
    yield 1
    yield 2

g = simple()
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_code is simple.__code__)
print("created:", g.gi_running, g.gi_suspended, g.gi_frame is not None, g.gi_frame.f_lasti if False else "", g.gi_yieldfrom)
print(next(g), "suspended:", g.gi_suspended, g.gi_frame.f_lineno)
print(next(g), g.gi_frame.f_lineno)
print(list(g), "finished:", g.gi_frame, g.gi_suspended, g.gi_running)

def watch():
    yield watcher.gi_running
    yield watcher.gi_suspended
watcher = watch()
print(list(watcher))

def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def inner():
    yield "i1"
    yield "i2"
def outer():
    yield from inner()
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)
o.gi_yieldfrom.close()
print(next(o, "outer done"), o.gi_yieldfrom)

class Holder:
    def method(self):
        def nested():
            yield self
        return nested()
h = Holder().method()
print(h.__name__, h.__qualname__)
h.__name__ = "renamed"
print(h.__name__, h.__qualname__)
def locals_gen(a):
    b = a * 2
    yield
    c = b + 1
    yield
lg = locals_gen(5)
print(lg.gi_frame.f_locals)
next(lg)
print(lg.gi_frame.f_locals)
next(lg)
print(lg.gi_frame.f_locals)
print(iter(lg) is lg, hasattr(lg, "send"), hasattr(lg, "__next__"), hasattr(lg, "__len__"))
gexpr = (x for x in "ab")
print(type(gexpr).__name__, gexpr.__name__, gexpr.gi_code.co_name, gexpr.gi_code.co_argcount, gexpr.gi_code.co_varnames)
def counter_gen():
    count = 0
    while True:
        count += 1
        yield count
cg = counter_gen()
print([next(cg) for _ in range(3)], cg.gi_frame.f_locals)
cg.close()
print(cg.gi_frame, next(cg, "closed"), cg.gi_suspended)
