# Every parameter kind: positional-only, positional-or-keyword, defaults, *args, keyword-only, **kwargs.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, kw)

print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, g=8, h=9))
print(f(1, 2, 3, d=44, e=5, a=100))

def g(x, y=[], *, z={}):
    y.append(x)
    return y, z

print(g(1), g(2), g(3, []))

def kwonly(*, a, b=2):
    return a + b

print(kwonly(a=1), kwonly(b=10, a=1))

def posonly(a, b=2, /):
    return a * b

print(posonly(3), posonly(3, 5))

errors = [
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=5),
    lambda: f(1, 2, 3, c=3, e=5),
    lambda: kwonly(1),
    lambda: kwonly(a=1, c=2),
    lambda: posonly(),
    lambda: posonly(1, 2, 3),
    lambda: posonly(a=1),
    lambda: g(),
]
for thunk in errors:
    try:
        thunk()
    except TypeError as e:
        print("TypeError", e)

def defaults_eval_time(x, n=len("abc")):
    return x, n

print(defaults_eval_time(0))
counter = 0
def nxt():
    global counter
    counter += 1
    return counter
def h(v=nxt()):
    return v
print(h(), h(), counter)
