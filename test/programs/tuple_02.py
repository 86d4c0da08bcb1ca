# tuple: methods with ranges, hashing of nested tuples, unhashable contents, comparisons, concatenation errors, immutability with mutable items.
t = (1, 2, 3, 2, 1, (2,), [2])
print(t.count(2), t.count((2,)), t.count([2]), t.index(2), t.index(2, 2), t.index(1, 1), t.index([2]))
for args in [(9,), (3, 3), (1, 1, 4)]:
    try:
        t.index(*args)
    except ValueError as e:
        print(args, "ValueError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))), {(1, 2): "a"}[(1, 2)])
for bad in [(1, [2]), ({},), ((1, {2}),)]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
print((1, 2) < (1, 2, 0), (1, 3) > (1, 2, 9), () < (0,), (1, "a") < (1, "b"), (2,) == (2.0,), (1, 2) == [1, 2])
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1,) + (2,), (1,) * 3, 2 * (0,), () * 5, (1, 2) * -1, tuple(), tuple([1]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
m = ([1], [2])
m[0].append(9)
print(m)
try:
    m[0] += [3]
except TypeError as e:
    print("TypeError:", e, "but", m)
one = 1,
print(one, type(one).__name__, (1), type((1)).__name__, (), type(()).__name__, ((),), len(((),)))
print(t[1:4], t[::-1][:3], t[-2:], t[5][0], len(t), 3 in t, [2] in t, (2,) in t)
a, b, c = t[:3]
print(a, b, c, tuple(x * 2 for x in (1, 2)), sorted((3, 1, 2)), max((1, 5, 3)), sum((1, 2, 3)))
print(repr((1,)), repr(()), repr(("a", 1.5, None)), str((1, (2, (3,)))), repr(tuple("x")))
class P(tuple):
    def __repr__(self):
        return "P" + super().__repr__()
p = P((1, 2))
print(p, p + (3,), type(p + (3,)).__name__, p[0], len(p), p == (1, 2), isinstance(p, tuple))
