# list.sort/sorted: stability with keys and reverse, key called once per item, errors mid-sort, mutation during sort, many shapes.
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: r[0], reverse=True))
print(sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1]))
calls = []
def key(v):
    calls.append(v)
    return -v
data = [3, 1, 2]
data.sort(key=key)
print(data, calls)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)), sorted(words, key=len, reverse=True))
mixed = [3, 1.5, True, 2, 0.5, False, -1]
print(sorted(mixed), sorted(mixed, reverse=True))
for bad in [[1, "a", 2], [None, None], [{}, {}], [object(), object()], [3, 2, "x", 1]]:
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
def bad_key(v):
    if v == 2:
        raise ValueError("key failed on 2")
    return v
lst = [3, 2, 1]
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e, lst)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        if self.v == 99 or o.v == 99:
            raise RuntimeError("cannot compare 99")
        return self.v < o.v
    def __repr__(self):
        return f"C{self.v}"
objs = [Cmp(3), Cmp(1), Cmp(2)]
print(sorted(objs), max(objs, key=lambda c: c.v), min(objs, key=lambda c: c.v))
try:
    sorted([Cmp(1), Cmp(99), Cmp(0)])
except RuntimeError as e:
    print("RuntimeError:", e)
lst = [5, 4, 3, 2, 1]
def mutating_key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print("ValueError:", e)
print(sorted([]), sorted([1]), sorted((3, 1, 2)), sorted("bca"), sorted({3: "x", 1: "y"}), sorted(range(5, 0, -1)), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, 2], lambda v: v)
except TypeError as e:
    print("TypeError:", e)
big = [(i * 7919) % 1000 for i in range(1000)]
s1 = sorted(big)
print(s1[:5], s1[-5:], s1 == sorted(big, key=lambda v: v), sorted(big, reverse=True)[:3], sorted(range(20), key=lambda v: v % 3)[:10])
pairs = [(i % 5, i) for i in range(20)]
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:8])
x = [3, 1, 2]
print(x.sort(), x, x.sort(reverse=True), x, sorted(x, key=None))
