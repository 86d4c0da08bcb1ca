# Cells and closures: __closure__ contents, cells shared between closures, cell_contents writes, empty cells.
def make():
    a = 1
    b = [2]
    def reader():
        return a, b
    def writer(v):
        nonlocal a
        a = v
    return reader, writer

r, w = make()
print(r(), r.__code__.co_freevars, w.__code__.co_freevars, [c.cell_contents for c in r.__closure__])
w(10)
print(r(), r.__closure__[0].cell_contents, r.__closure__[0] is w.__closure__[0])
r.__closure__[0].cell_contents = "set via cell"
print(r())
print(type(r.__closure__).__name__, len(r.__closure__), type(r.__closure__[0]).__name__)

def empty_cell():
    def inner():
        return later
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError", e)
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    later = "bound now"
    return inner(), cell.cell_contents

print(empty_cell())

def deleted():
    v = 1
    def inner():
        return v
    del v
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    return inner
deleted()

def no_closure():
    return 1
print(no_closure.__closure__, no_closure.__code__.co_freevars, no_closure.__code__.co_cellvars)

def counters():
    fns = []
    for i in range(3):
        def bind(i=i):
            return i
        def share():
            return i
        fns.append((bind, share))
    return [(a(), b()) for a, b in fns]
print(counters())

def arg_cell(x, y):
    def use():
        return x * 10 + y
    return use
u = arg_cell(3, 4)
print(u(), arg_cell.__code__.co_cellvars, arg_cell.__code__.co_varnames, [c.cell_contents for c in u.__closure__])

def cell_in_comprehension():
    k = 5
    return [lambda: k + i for i in range(2)]
print([fn() for fn in cell_in_comprehension()])
