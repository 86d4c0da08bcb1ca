# Closures: deep nesting, closures over loop vars in class bodies and comprehensions, cell in generator.
def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000), level1.__code__.co_cellvars)

def memo(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapped.cache = cache
    return wrapped

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

def gen_with_cell(n):
    items = []
    def push(x):
        items.append(x)
    for i in range(n):
        push(i * i)
        yield list(items)
print(list(gen_with_cell(4)))

def class_closure():
    secret = 42
    class C:
        value = secret
        def get(self):
            return secret
    return C
C = class_closure()
print(C.value, C().get())

def comprehension_closure():
    base = 100
    return [base + i for i in range(3)], {k: base for k in "ab"}, list(base - j for j in range(2))
print(comprehension_closure())

def nonlocal_chain():
    x = 0
    def a():
        nonlocal x
        x += 1
        def b():
            nonlocal x
            x *= 10
        b()
    a()
    a()
    return x
print(nonlocal_chain())
