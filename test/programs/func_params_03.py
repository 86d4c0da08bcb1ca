# Default values: evaluated once at definition, shared mutable defaults, kw-only defaults, None sentinels.
log = []
def default(tag):
    log.append(tag)
    return tag

def f(a=default("a"), *, b=default("b"), c=default("c")):
    return a, b, c

print(log, f(), f(1, c=3), log)

def append_to(x, acc=[]):
    acc.append(x)
    return acc

r1 = append_to(1)
r2 = append_to(2)
print(r1, r2, r1 is r2, append_to.__defaults__)

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(safe_append(1), safe_append(2), safe_append(3, [0]))

def kwd(*, x=1, y):
    return x, y

print(kwd(y=2), kwd(y=3, x=4), kwd.__kwdefaults__, kwd.__defaults__)
kwd.__kwdefaults__ = {"x": 10, "y": 20}
print(kwd(), kwd(x=0))

def mixed(a, b=2, /, c=3, *args, d, e=5, **kw):
    return dict(a=a, b=b, c=c, args=args, d=d, e=e, kw=kw)

print(mixed(1, d=4))
print(mixed(1, 20, 30, 40, 50, d=4, e=6, b=99))
print(mixed.__defaults__, mixed.__kwdefaults__, mixed.__code__.co_argcount, mixed.__code__.co_posonlyargcount,
      mixed.__code__.co_kwonlyargcount, mixed.__code__.co_varnames)

def late(n, fns=[]):
    fns.append(lambda: n)
    return [fn() for fn in fns]

print(late(1), late(2), late(3))
x = 10
def snapshot(v=x):
    return v
x = 20
print(snapshot(), x)
def counter(_state={"n": 0}):
    _state["n"] += 1
    return _state["n"]
print(counter(), counter(), counter())
