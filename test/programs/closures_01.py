# Closures and cells: counters, shared cells, late binding, nonlocal.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars, inc.__closure__[0] is get.__closure__[0])

def make_multipliers():
    return [lambda x: x * i for i in range(1, 4)]
print([m(10) for m in make_multipliers()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()
print(outer()())

def accumulate():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulate()
print(acc(1), acc(2), acc(3), acc.__closure__[0].cell_contents)

def shadow():
    v = 1
    def f():
        v = 2
        return v
    return f(), v
print(shadow())

def unbound():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print("NameError", e)
    y = 5
    return f()
print(unbound())

def cell_param(a):
    def g():
        return a * 2
    a += 1
    return g
print(cell_param(4)())
