# set of ints: operations and methods (small ints hash to themselves, so order is deterministic).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a > a, a == {4, 3, 2, 1})
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([1, 9]))
print(a.isdisjoint({9}), a.issubset(range(10)), a.issuperset([1, 2]), len(a), 3 in a, 9 not in a)
s = set()
s.add(5)
s.add(5)
s.update([1, 2], {3})
print(s, len(s))
s.discard(99)
s.remove(1)
print(s, s.pop() in {2, 3, 5}, len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
c = {10, 20, 30}
c |= {40}
c &= {10, 20, 40, 50}
c -= {20}
c ^= {10, 99}
print(c, set(), set([3, 1, 2]), set(range(5)), {x % 4 for x in range(20)}, sorted({-1, -5, 3}))
print(set("") == set(), {1, 2} == frozenset({1, 2}), repr(set()), {(1, 2), (1, 2)}, {1, 1.0, True})
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
d = {100, 5, 37, 64, 1}
print(d, list(d), sorted(d))
print({i * 8 for i in range(10)}, {i * 33 for i in range(8)})
e = set(range(20))
e.difference_update(range(0, 20, 2))
e.intersection_update(range(10))
print(e, e.copy() == e, e.clear(), e)
