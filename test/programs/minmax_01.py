# min/max: iterables vs positional args, key and default, ties return the first, nan ordering, and every error message.
print(max([3, 1, 4, 1, 5]), min([3, 1, 4]), max(3, 1, 4), min("hello"), max("a", "B", "c"), min((2, "b"), (2, "a")), max(range(10 ** 6)))
words = ["pear", "fig", "banana", "kiwi", "plum"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]), min(*words, key=len), max(words), min(words))
print(max([], default="empty"), min((), default=None), max([1], default=99), min([], key=abs, default=0), max(iter([]), default=[]))
pairs = [(1, "first"), (3, "a"), (3, "b"), (1, "last")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]), max([1, 1.0, True]), min([1.0, 1, True]), max([0, -0.0]), min([-0.0, 0]))
nan = float("nan")
print(max([nan, 1, 2]), max([1, nan, 2]), min([1, 2, nan]), max(nan, 5), max(5, nan))
for fn, args, kw in [(max, ([],), {}), (min, ((),), {}), (max, (), {}), (min, (), {}), (max, (1, 2), {"default": 0}),
                     (max, (5,), {}), (min, ([1, "a"],), {}), (max, ([1, 2],), {"key": 1}), (max, ([1],), {"bogus": 1}),
                     (min, ("",), {"key": len})]:
    try:
        print(fn(*args, **kw))
    except (ValueError, TypeError) as e:
        print(fn.__name__, args, kw, type(e).__name__ + ":", e)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"V{self.v}"
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
print(max(V(1), V(3), V(2)), min([V(5), V(0)]), max([V(2), V(2)]) is not None)
try:
    max(OnlyGt(1), OnlyGt(2))
except TypeError as e:
    print("TypeError:", e)
print(max({"a": 3, "b": 9}), max({"a": 3, "b": 9}.values()), max({"a": 3, "b": 9}, key={"a": 3, "b": 9}.get), min({3, 1, 2}), max("b", "ab", key=len))
print(max([[1, 2], [1, 3], [0, 9]]), min([(0, 1), (0, 0, 5)]), max(b"bytes"), min(range(5, 10)), max(x * x for x in range(-5, 3)))
