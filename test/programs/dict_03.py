# dict ordering: deletion and reinsertion, update/overwrite keeps position, popitem LIFO, equal keys of different types, KeyError reprs.
d = {}
for k in ["c", "a", "b"]:
    d[k] = len(d)
print(d)
d["a"] = "overwritten keeps slot"
print(d)
del d["c"]
d["c"] = "reinserted goes last"
print(d, list(d))
d.update({"b": "updated in place", "z": "new"}, a="kw update")
print(d)
print(d.popitem(), d.popitem(), d)
d[1] = "int one"
d[1.0] = "float one same key"
d[True] = "True same key"
print(d, len(d))
e = {i: i * i for i in range(10)}
for k in list(e):
    if k % 3 == 0:
        del e[k]
for k in (0, 3):
    e[k] = "back"
print(e)
big = {}
for i in range(1000):
    big[i] = i
for i in range(0, 1000, 2):
    del big[i]
big[0] = "zero"
print(len(big), list(big)[:5], list(big)[-3:], next(iter(big)), next(reversed(big)))
for key in ["missing", 42, (1, "t"), None, 1.5, frozenset({1}), ("one",), "", b"b"]:
    try:
        {}[key]
    except KeyError as err:
        print("KeyError:", err, "| repr:", repr(err), "| args:", err.args)
try:
    del d["nope"]
except KeyError as err:
    print("del KeyError:", err)
try:
    d.pop(("tuple", "key"))
except KeyError as err:
    print("pop KeyError:", err)
try:
    {}.popitem()
except KeyError as err:
    print("popitem KeyError:", err)
order = dict.fromkeys("mississippi")
print(order, list(order))
print({"b": 1, "a": 2} == {"a": 2, "b": 1}, list({"b": 1, "a": 2}) == list({"a": 2, "b": 1}), dict(sorted({"b": 1, "a": 2}.items())))
copy = dict(d)
copy["new"] = 1
print(d == copy, list(copy)[-1], {**copy}.keys() == copy.keys())
x = {"k": 1}
for i in range(5):
    x.pop("k")
    x["k"] = i
print(x)
