# dict views, iteration while mutating, reversed, equality.
d = dict(zip("abcde", range(5)))
k = d.keys()
v = d.values()
it = d.items()
d["f"] = 5
print(k, v, it, len(k), "f" in k, 5 in v, ("a", 0) in it)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a", "b"}), sorted(k ^ {"a", "q"}))
print(list(reversed(d)), list(reversed(d.items()))[:2], list(reversed(d.values())))
try:
    for key in d:
        d[key + key] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))
d = {i: i for i in range(5)}
for key in list(d):
    if key % 2:
        del d[key]
print(d, {1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, list({1: 2, 3: 4}) == list({3: 4, 1: 2}))
print(sorted({"x": 3, "y": 1, "z": 2}.items(), key=lambda t: t[1]), max({"a": 1, "b": 5}, key={"a": 1, "b": 5}.get))
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["zz"], m, type(m).__name__, m.get("q"))
x = {}
x[1] = x
print(x)
print(dict.fromkeys(range(3), "v"), list(dict.fromkeys("abracadabra")))
