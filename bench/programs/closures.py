# Closures and calls: higher-order functions, nonlocal counters, decorators, keyword and
# default arguments, *args/**kwargs forwarding, lambdas, map/filter.
N = 240000  # bench: quick=3000


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def make_counter(start=0, step=1):
    n = start

    def tick():
        nonlocal n
        n += step
        return n
    return tick


def memo(fn):
    cache = {}

    def wrapper(*args):
        if args in cache:
            return cache[args]
        r = fn(*args)
        cache[args] = r
        return r
    return wrapper


COUNTS = {}


def counted(name):
    calls = COUNTS[name] = [0]

    def decorate(fn):
        def wrapper(*args, **kwargs):
            calls[0] += 1
            return fn(*args, **kwargs)
        return wrapper
    return decorate


@counted("scale")
def scale(x, factor=2, offset=0):
    return x * factor + offset


@memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


def adder(k):
    return lambda x: x + k


inc = adder(1)
double = lambda x: x * 2
f = compose(inc, double, adder(-3), inc)
tick = make_counter(10, 3)
acc = 0
for i in range(N):
    acc += f(i) + tick()
    acc += scale(i, offset=1) + scale(i, factor=3)
    acc -= sum(map(adder(i), filter(lambda v: v & 1, (1, 2, 3, 4, 5))))
    acc %= 1000000007
print("acc=%d tick=%d calls=%d" % (acc, tick(), COUNTS["scale"][0]))
print("paths(16,16)=%d" % paths(16, 16))
