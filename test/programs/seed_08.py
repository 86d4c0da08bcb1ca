# Seed chapter 23.14: argument metadata; defaults live on the function object.
def f(a, b, /, c, *, d):
    return a, b, c, d

code = f.__code__

print(code.co_argcount)
print(code.co_posonlyargcount)
print(code.co_kwonlyargcount)
print(code.co_varnames)


def g(x=1):
    return x

print(g.__defaults__)
print(g.__code__.co_consts)
print(f(1, 2, 3, d=4), g(), g(5))
