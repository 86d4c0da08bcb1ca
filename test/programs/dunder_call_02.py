# __call__: callables of every kind, callable(), "object is not callable" messages, __call__ looked up on the type.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), list(map(add5, [0, 10])), callable(add5), callable(Adder))

a = Adder(1)
a.__call__ = lambda x: "instance attribute is ignored"
print(a(1))

class Meta(type):
    def __call__(cls, *args):
        print("  Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
class Made(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(Made(3).v)

for obj in [1, "s", None, [1], {"a": 1}, (1,), 1.5, object()]:
    try:
        obj()
    except TypeError as e:
        print(type(obj).__name__, callable(obj), "TypeError:", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
class CallNone:
    __call__ = None
print(callable(CallNone()))
try:
    CallNone()()
except TypeError as e:
    print("TypeError:", e)

class Chain:
    def __init__(self, path=""):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + "/" + name)
    def __call__(self, *args):
        return f"call {self.path} {args}"
print(Chain().api.users.get(1, 2))

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.misses = 0
    def __call__(self, n):
        if n not in self.cache:
            self.misses += 1
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def tri(n):
    return n if n < 2 else n + tri(n - 1)
print(tri(30), tri.misses, tri(30), tri.misses, type(tri).__name__)
print(callable(print), callable(len), callable(str.upper), callable("x".upper), callable(Adder.__call__), callable(lambda: 0))
calls = [str, int, float, list, tuple, bool, dict]
print([c() for c in calls])
print(Adder.__call__(add5, 2), type(add5).__call__(add5, 3))
class Nested:
    class Inner:
        def __call__(self):
            return "inner called"
    inner = Inner()
print(Nested.inner(), Nested().inner())
