# Seed chapter 23.22: one code object, a frame per call with its own locals.
def f(x):
    y = x + 1
    return y

print(f(1))
print(f(10))
print(f.__code__.co_varnames, f.__code__.co_nlocals, f.__code__.co_stacksize)
