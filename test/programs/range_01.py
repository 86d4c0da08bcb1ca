# range objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 8 in r, 9 in r, r.index(11), r.count(5))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), list(range(-5, -10, -2)))
print(range(10) == range(0, 10, 1), range(0) == range(5, 5), range(1, 10, 2) == range(1, 11, 2))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError", e)
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), r.start, r.stop, r.step, reversed(range(3)).__class__.__name__)
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(1, 8, 2))), sorted(range(5), reverse=True))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
total = 0
for i in range(1000):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total, bool(range(0)), repr(range(-3, 3)), hash(range(3)) == hash(range(0, 3)))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
