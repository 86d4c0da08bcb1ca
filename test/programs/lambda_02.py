# Lambdas: names and qualnames, late binding in loops, defaults capture, conditional bodies, recursion via name.
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
print((lambda: 0).__name__, (lambda: 0).__qualname__)
def outer():
    return lambda x: x
print(outer().__qualname__, outer()(5))
class C:
    attr = lambda self: "method from lambda"
    static = staticmethod(lambda: "static")
print(C().attr(), C.static(), C.attr.__qualname__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print((lambda *a, k=3, **kw: (a, k, kw))(1, 2, z=9), (lambda a, /, b: a + b)(1, b=2))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print((lambda: (yield))().__class__.__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
print((lambda x: (x, x ** 2))(3), (lambda: None)(), (lambda x=[]: x)() == [])
y = 1
capture = lambda: y
y = 2
print(capture(), capture.__code__.co_names, capture.__code__.co_argcount)
