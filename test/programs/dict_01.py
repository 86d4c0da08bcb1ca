# dict: insertion order, methods, errors.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 4
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", 0), "a" in d, 4 in d, d.setdefault("e", []), d.setdefault("a", 99))
print(d.pop("e"), d.pop("nope", "dflt"), d.popitem(), d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
e = {1: "one", 2: "two"}
f = {2: "TWO", 3: "three"}
print(e | f, f | e, {**e, **f, 4: "four"})
e |= f
print(e, e == {3: "three", 1: "one", 2: "TWO"}, e != f)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({k: v for k, v in zip("abc", range(3))}, {i: i * i for i in range(5) if i % 2})
nested = {"a": {"b": {"c": [1, 2]}}}
print(nested["a"]["b"]["c"][1], nested)
print({1: 1, True: 2, 1.0: 3}, {(1, 2): 3, None: 4, frozenset([1]): 5})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
d2 = dict(d)
d2.clear()
print(d2, d.copy() == d, d.copy() is d)
