# yield from: delegation, return values, send/throw passthrough, flattening recursion.
def inner():
    x = yield "inner-1"
    print("  inner got", x)
    y = yield "inner-2"
    print("  inner got", y)
    return "inner-result"

def outer():
    result = yield from inner()
    print("  outer got result", result)
    yield "outer-done"

o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], [], [[6]], 7])))

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("  catcher caught", e)
def delegator():
    yield from catcher()
d = delegator()
next(d)
d.throw(ValueError("via delegate"))
d.close()
print("delegator closed")

def gen_range(n):
    yield from range(n)
    return n
def sum_all():
    total = 0
    for n in (2, 3):
        total += yield from gen_range(n)
    return total
def drive(g):
    out = []
    try:
        while True:
            out.append(next(g))
    except StopIteration as e:
        return out, e.value
print(drive(sum_all()))
print(list(x for x in (yield_from_str for yield_from_str in "ab")))
def from_iterables():
    yield from "xy"
    yield from [1, 2]
    yield from {"k": 1}
    yield from (i * i for i in range(3))
print(list(from_iterables()))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return 1
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    return left + right
leaves = []
t = tree(3)
try:
    while True:
        leaves.append(next(t))
except StopIteration as e:
    print(len(leaves), e.value)
