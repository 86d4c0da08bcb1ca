# Lambdas: defaults, closures, immediate invocation, in data structures, sorting keys.
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2), (lambda x, y=10: x + y)(5))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
print({name: fn(6, 3) for name, fn in ops.items()})
adders = [lambda x, i=i: x + i for i in range(4)]
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in adders], [f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))), list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), (lambda: (yield))  .__code__.co_flags & 0x20 != 0)
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
fib = Y(lambda rec: lambda n: n if n < 2 else rec(n - 1) + rec(n - 2))
print([fib(i) for i in range(12)])
cond = lambda x: "neg" if x < 0 else ("zero" if x == 0 else "pos")
print([cond(v) for v in (-2, 0, 3)])
