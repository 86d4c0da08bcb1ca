# Generator basics: lazy evaluation, state, return value in StopIteration, generator object attributes.
def gen(n):
    print("  start")
    for i in range(n):
        print("  yielding", i)
        yield i
    print("  end")
    return "result"

g = gen(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)

def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)])

def take(n, iterable):
    for i, x in enumerate(iterable):
        if i >= n:
            return
        yield x
print(list(take(3, infinite())), list(take(0, infinite())))

def chain(*its):
    for it in its:
        for x in it:
            yield x
print(list(chain([1, 2], "ab", range(2))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(15, fib())))

def with_return_in_loop(items):
    for x in items:
        if x < 0:
            return x
        yield x * 10
print(list(with_return_in_loop([1, 2, -1, 3])))
g2 = gen(0)
print(g2.gi_running, g2.gi_frame is not None)
print(list(g2))
print(g2.gi_frame)
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def me():
    yield gen_self.gi_running
gen_self = me()
print(next(gen_self))
def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
