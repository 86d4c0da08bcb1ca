# sum with start values and its refusals, sorted/reversed on many types, reversed objects, sequence protocol fallback.
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([1, 2.5]), sum([True, True]), sum(range(101), start=-5050))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([2 ** 64, 2 ** 64]), sum([1e100, 1.0, -1e100]), sum(x / 10 for x in range(11)))
for args, kw in [((["a", "b"], ""), {}), (([b"a"], b""), {}), (([bytearray(b"a")], bytearray()), {}), ((["a"],), {}), (([1, "a"],), {}),
                 (([[1]],), {}), ((5,), {}), (([1], 2, 3), {})]:
    try:
        print(sum(*args, **kw))
    except TypeError as e:
        print(args, "TypeError:", e)
class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return Vec(self.x + (o.x if isinstance(o, Vec) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"Vec({self.x})"
print(sum([Vec(1), Vec(2)]), sum([Vec(1)], Vec(10)), sum([1, 2], Vec(0)))
print(sorted("hello"), sorted((3, 1)), sorted({"b": 1, "a": 2}.items()), sorted({3, 1, 2}, reverse=True), sorted(range(3), key=lambda v: -v))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), "".join(reversed("abc")), list(reversed(range(0, 10, 3))), list(reversed({"a": 1, "b": 2})))
print(list(reversed({"a": 1, "b": 2}.items())), list(reversed(b"ab")), type(reversed([])).__name__, type(reversed(range(2))).__name__)
for bad in [{1, 2}, iter([1]), (x for x in "a"), 5, frozenset()]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
print(list(reversed(Seq())), sorted(Seq(), reverse=True), list(Seq()))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r), r.__length_hint__())
lst = [1, 2, 3]
rl = reversed(lst)
lst.append(4)
print(list(rl))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError:", e)
