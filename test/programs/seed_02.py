# Seed chapter 23.2: one code object shared by two function objects (types.FunctionType).
import types

def f(x):
    return x + 1

g = types.FunctionType(f.__code__, globals(), "g")

print(g(10))
print(g.__name__, f.__name__, g.__code__ is f.__code__, g.__globals__ is f.__globals__)
