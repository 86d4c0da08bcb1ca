# dict methods and views: set operations on keys/items views, view liveness, setdefault/pop/get/fromkeys, |, |=, constructor errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, type(k).__name__, type(v).__name__, type(it).__name__)
print(k & {"a", "x"}, k | {"x"} == {"a", "b", "c", "x"}, sorted(k - {"b"}), sorted(k ^ {"c", "y"}), k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"})
print(it & {("a", 1), ("b", 3)}, sorted(it - {("a", 1)}), ("b", 2) in it, ("b", 3) in it, k.isdisjoint(["x"]), it.isdisjoint([("a", 1)]))
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k), list(reversed(k)), list(reversed(it)))
try:
    v == v
    v & {1}
except TypeError as e:
    print("TypeError:", e)
print(v == d.values(), k == d.keys(), it == d.items())
print(d.setdefault("e"), d.setdefault("b", 100), d.get("zz"), d.get("zz", "default"), d.pop("e"), d.pop("zz", None), d)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", []), dict.fromkeys(range(3), 0), dict.fromkeys([]))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a | {}, {} | a)
a |= b
a |= [("w", 0)]
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError:", e)
print(dict(), dict(a=1), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("ab", "xy")), dict([[1, 2], "ab"]), dict(((1, 2),), **{"s": 3}))
for bad in [[1, 2], [(1, 2, 3)], ["abc"], 5, [("k",)]]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(repr(bad), type(e).__name__ + ":", e)
try:
    {}.update(1)
except TypeError as e:
    print("TypeError:", e)
try:
    {}.update([(1, 2)], [(3, 4)])
except TypeError as e:
    print("TypeError:", e)
class KeysOnly:
    def keys(self):
        return ["p"]
    def __getitem__(self, key):
        return key * 3
print(dict(KeysOnly()), {**KeysOnly()})
dd = {1: "a"}
dd.update(KeysOnly(), q=1)
print(dd, dd.copy(), len(dd.copy()), dd.copy() is dd)
comp = {k: v for k, v in [("x", 1), ("y", 2), ("x", 3)]}
print(comp, {n: n % 3 for n in range(6) if n}, {v: k for k, v in comp.items()}, {(i, j): i * j for i in range(2) for j in range(2)})
print(sorted(d), sorted(d.items(), reverse=True), max(d, key=d.get), min(d.values()), sum(d.values()), any(d), all({0: 1}))
