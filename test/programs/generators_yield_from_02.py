# yield from: over non-generator iterables, return values, send/throw forwarding, StopIteration inside generators (PEP 479).
def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from {"k": 1}
    r = yield from ()
    yield r
print(list(from_iterables()))

def sub(n):
    total = 0
    for i in range(n):
        x = yield i
        total += x or 0
    return total
def delegator():
    t1 = yield from sub(2)
    t2 = yield from sub(3)
    return [t1, t2]
d = delegator()
out = [next(d)]
try:
    while True:
        out.append(d.send(10))
except StopIteration as e:
    print(out, e.value)

class ListIterWithoutSend:
    def __init__(self):
        self.it = iter([1, 2, 3])
    def __iter__(self):
        return self
    def __next__(self):
        return next(self.it)
def wrap():
    yield from ListIterWithoutSend()
w = wrap()
print(next(w), w.send(None))
try:
    w.send("value")
except AttributeError as e:
    print("AttributeError:", e)

def catcher():
    try:
        yield "c1"
    except KeyError as e:
        yield f"catcher handled {e!r}"
def forward():
    res = yield from catcher()
    yield ("forward resumed", res)
f = forward()
print(next(f), f.throw(KeyError("k")), next(f))
f2 = forward()
next(f2)
try:
    f2.throw(ValueError("not handled"))
except ValueError as e:
    print("ValueError propagated:", e, f2.gi_frame)

def leaky():
    yield 1
    next(iter([]))
    yield 2
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
def explicit_return():
    yield 1
    return
print(list(explicit_return()))
def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    got = yield from deep(n - 1)
    yield f"level {n}"
    return got + 1
dg = deep(3)
print(list(dg))
def depth_result(n):
    return (yield from deep(n))
dr = depth_result(4)
for _ in dr:
    pass
try:
    next(dr)
except StopIteration as e:
    print("exhausted:", e.value)
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], [[6]], 7])))
def close_forwarded():
    try:
        yield from inner_closing()
    finally:
        print("  outer finally")
def inner_closing():
    try:
        yield "inner"
    finally:
        print("  inner finally")
cf = close_forwarded()
next(cf)
cf.close()
print("closed both")
