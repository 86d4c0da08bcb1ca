# Generator expressions: lazy conditions, early errors from the first iterable, consumption by builtins, short-circuiting.
log = []
def src(n):
    log.append(f"src{n}")
    return range(n)
g = (x * 2 for x in src(3) if log.append(f"test{x}") is None)
print(log)
print(next(g), log)
print(list(g), log)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
g2 = (1 / x for x in [1, 0, 2])
print(next(g2))
try:
    next(g2)
except ZeroDivisionError as e:
    print("ZeroDivisionError at iteration:", e)
print(next(g2, "dead after error"))
seen = []
def check(v):
    seen.append(v)
    return v > 2
print(any(check(v) for v in range(10)), seen)
seen.clear()
print(all(not check(v) for v in range(10)), seen)
print(sum(x * x for x in range(10)), max(len(w) for w in "a bb ccc".split()), min((v for v in [3, 1, 2]), default=0))
print(sorted(c for c in "banana"), "".join(c.upper() for c in "abc"), tuple(i for i in range(3)), set(i % 2 for i in range(5)))
print(dict((k, v) for k, v in zip("ab", "xy")), list(zip((i for i in range(3)), "abc")))
gen = (i for i in range(5))
print(3 in gen, list(gen))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def consumer(it):
    return [next(it), next(it)]
print(consumer(c for c in "xyz"))
total = sum(n for n in range(1, 101) if n % 3 == 0 or n % 5 == 0)
print(total)
gx = (v for v in [1, 2])
print(type(gx).__name__, iter(gx) is gx, list(gx), list(gx))
pipeline = (w.strip().lower() for w in [" A ", "b", " C"])
pipeline = (w for w in pipeline if w != "b")
pipeline = (w * 2 for w in pipeline)
print(list(pipeline))
k = 10
later = (k + i for i in range(2))
k = 100
print(list(later))
