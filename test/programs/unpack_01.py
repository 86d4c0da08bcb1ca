# Unpacking: tuple/list targets, starred targets, nested, swaps, in for loops, errors.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
x, *y = [1]
print(first, rest, init, last, head, mid, tail, x, y)
(p, q), r = (1, 2), 3
[s, [t, u]] = ["s", ("t", "u")]
print(p, q, r, s, t, u)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
for k, *vals in [("a", 1, 2), ("b",), ("c", 3)]:
    print(k, vals)
m = n = o = 7
print(m, n, o)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
d = {}
d["x"], d["y"] = "XY"
print(d)
class Obj:
    pass
ob = Obj()
ob.a, ob.b = 10, 20
print(ob.a, ob.b)
errors = []
for src in [[1, 2, 3], [1], 5]:
    try:
        e1, e2 = src
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a1, b1, *c1 = [1]
except ValueError as e:
    print("ValueError", e)
print([*range(3), *"ab"], (*[1, 2], 3), {*[1, 2], 3}, {**{"a": 1}, "b": 2}, [*[], *()])
first, second, *_ = "abcdef"
print(first, second, _)
a, b, c = {"k1": 1, "k2": 2, "k3": 3}
print(a, b, c)
(a, b), *c = [(1, 2), (3, 4), (5, 6)]
print(a, b, c)
row = (1, 2, 3)
sx, sy, sz = (v * 10 for v in row)
print(sx, sy, sz)
