# any, all, iter, next, iter(callable, sentinel), isinstance, issubclass, type, repr, callable, id-free checks.
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 5 for x in range(10)))
calls = []
def t(v):
    calls.append(v)
    return v
print(any(t(v) for v in [0, 0, 1, 1, 1]), calls)
calls.clear()
print(all(t(v) for v in [1, 1, 0, 1]), calls)
it = iter([10, 20])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
data = [3, 2, 1, 0, 5]
print(list(iter(lambda: data.pop(0), 0)), data)
s = iter("ab")
print(iter(s) is s, list(s), type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(issubclass(int, object), issubclass(bool, (str, int)), issubclass(dict, dict), issubclass(list, tuple))
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0).__name__, type(1.5).__name__)
print(type(1) is int, type(True) is bool, type(type(1)) is type)
print(repr(1), repr("a'b"), repr([1, "x"]), repr({"k": (1,)}), repr(1.0), repr(None), repr(b"x"), repr(range(2)))
print(callable(len), callable(int), callable("s"), callable(None), callable(type), callable(print))
T = type("T", (object,), {"x": 1, "m": lambda self: self.x * 2})
print(T.__name__, T().m(), T.x, type(T).__name__, [c.__name__ for c in T.__mro__])
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)
