# Iterator objects used by builtins: exhaustion, sharing one iterator across consumers, __length_hint__, iterators of views and strings.
it = iter([1, 2, 3, 4, 5, 6])
print(next(it), list(zip(it, it)), list(it))
it = iter(range(10))
print(sum(it), sum(it), list(it))
it = iter("abcdef")
print("c" in it, list(it))
words = iter(["x", "y", "z"])
print(dict(enumerate(words, 1)), list(words))
class Squares:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i ** 2
    def __length_hint__(self):
        return self.n - self.i
sq = Squares(5)
print(next(sq), sq.__length_hint__(), list(sq), sq.__length_hint__(), sorted(Squares(4), reverse=True), max(Squares(3)))
print(list(map(lambda a, b: a + b, Squares(3), Squares(4))), min(Squares(6), key=lambda v: abs(v - 10)), set(Squares(3)), tuple(Squares(2)))
d = {"a": 1, "b": 2, "c": 3}
ki, vi, ii = iter(d), iter(d.values()), iter(d.items())
print(next(ki), next(vi), next(ii), list(ki), list(vi), list(ii))
ri = reversed(d)
print(list(ri), list(reversed(d.values())), list(reversed(d.items())))
s = "héllo wörld"
si = iter(s)
print(type(si).__name__, "".join(c for c in si if c not in "aeiouéö"), type(iter("ascii")).__name__)
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in enumerate(Fib()):
    if f > 50:
        break
print(i, f)
f1, f2 = iter(Fib()), iter(Fib())
print(next(f1), next(f1), next(f1), next(f2), f1 is not f2)
def pairwise(iterable):
    it = iter(iterable)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur
print(list(pairwise("abcd")), list(pairwise([1])), list(pairwise([])))
def chunked(iterable, n):
    it = iter(iterable)
    while chunk := [x for _, x in zip(range(n), it)]:
        yield chunk
print(list(chunked(range(10), 4)), list(chunked("", 3)))
