# Seed chapter 23.8-23.11: co_code bytes, co_consts, co_names, co_varnames.
def f(a, b):
    return a + b

print(f.__code__.co_code)
print(type(f.__code__.co_code).__name__, len(f.__code__.co_code) % 2)

def g():
    return 1, "x", None

print(g.__code__.co_consts)

def h(xs):
    return len(xs)

print(h.__code__.co_names)

def obj_value(obj):
    return obj.value

print(obj_value.__code__.co_names)

def k(a, b):
    c = a + b
    return c

print(k.__code__.co_varnames)
