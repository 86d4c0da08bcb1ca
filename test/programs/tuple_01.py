# Tuples: construction, immutability, comparison, methods, packing.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], (), (1,), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t.count(1), t.index(3.0), (1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))
x = 1, 2, 3
a, b, c = x
print(x, a, b, c, type(x).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t.index("missing")
except ValueError as e:
    print("ValueError", e)
lst = [1]
tt = (lst, 2)
lst.append(3)
print(tt)
print((1, 2) == (1, 2), (1, 2) == [1, 2], hash((1, 2)) == hash((1, 2)), {(1, 2): "p"}[(1, 2)])
try:
    hash(([1],))
except TypeError as e:
    print("TypeError", e)
print(max((1, 5), (1, 7), (0, 9)), sorted([(2, "b"), (1, "z"), (2, "a")]), sum((1, 2, 3)))
print(repr((1,)), repr(((),)), str((None, "s")), tuple(x * 2 for x in (1, 2, 3)))
