# set/frozenset: iteration order of ints (incl. negatives, big ints, collisions), algebra with iterables, updates, repr, errors.
print({5, 3, 1, 9, 7}, {100, 1, 1000, 10}, {-1, -2, 0, 1, 2}, {2 ** 61 - 1, 2 ** 61, 2 ** 61 + 1, 0}, {8, 16, 24, 32, 0})
print({i * 8 for i in range(12)}, {-(i * 7) for i in range(6)}, set(range(30, 0, -3)))
print(list({33, 1, 65, 97}), list({0.5, 1.5, 2.0}), {True, 1, 1.0}, {0, False, 0.0, -0.0}, {(1, 2), (2, 1)})
s = set()
for v in [50, 9, 33, 1, 17, 65]:
    s.add(v)
print(s, list(s))
s.discard(33)
s.add(33)
print(s)
a = {1, 2, 3, 4, 5}
print(a.union([5, 6], range(8, 10)), a.intersection([1, 2], (2, 3)), a.difference([1], {2}), a.symmetric_difference(range(3, 8)))
print(a.issubset(range(10)), a.issuperset([1, 5]), a.isdisjoint((9, 10)), a <= set(range(10)), a < a, a >= {1}, a > {1, 2, 3, 4, 5})
for op, fn in [("|", lambda: a | [1]), ("&", lambda: a & (1,)), ("-", lambda: a - range(2)), ("<=", lambda: a <= [1])]:
    try:
        fn()
    except TypeError as e:
        print(op, "TypeError:", e)
b = set(a)
b.update([10, 11], {12})
b.intersection_update(range(2, 12))
b.difference_update([5])
b.symmetric_difference_update({2, 99})
print(b, b.pop(), b)
for fn in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {1}.remove((1, 2)), lambda: set([[1]]), lambda: {1}.add([]),
           lambda: frozenset().pop(), lambda: {1} + {2}]:
    try:
        fn()
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
f = frozenset([3, 1, 2])
print(f, repr(frozenset()), f | {9}, {9} | f, type(f | {9}).__name__, type({9} | f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset({1, 2, 3})))
print({f: "frozen key"}[frozenset([1, 2, 3])], {frozenset(), frozenset([1])}, frozenset(frozenset([1])), set(f) is not f)
print(len({x % 7 for x in range(100)}), sum({1, 2, 3}), max({4, 9, 1}), sorted({3, -1, 2}), min(frozenset("zyx")), 5 in {5}, [] not in [{1}])
c = {1, 2, 3}
for x in list(c):
    c.discard(x)
print(c, set() == frozenset(), {1} == [1], set("aab") == set("ab"))
try:
    for x in c | {1, 2}:
        c.add(x + 100) if False else None
    s2 = {1, 2, 3}
    for x in s2:
        s2.add(x * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
