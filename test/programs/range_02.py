# range: repr forms, len incl. huge ranges, indexing/slicing results as ranges, negative steps, membership, equality, errors.
for r in [range(5), range(2, 5), range(0, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-3, 3), range(0, -10, -4), range(1, 2, 100)]:
    print(repr(r), len(r), list(r), bool(r), r[:2], r[::-1], r.start, r.stop, r.step)
big = range(-(10 ** 20), 10 ** 20, 7)
print(big[0], big[-1], big[10 ** 18], 7 * 10 ** 18 - 10 ** 20 in big, 10 ** 20 - 1 in big, big.index(big[12345]), big.count(big[5]))
try:
    len(big)
except OverflowError as e:
    print("OverflowError:", e)
print(big[::10 ** 10], big[5:-5:-1], len(big[::10 ** 15]))
r = range(3, 30, 4)
print(r[2], r[-1], r[-7], r[1:4], r[::2], r[::-1], r[5:1:-2], r[100:], r[-100:2], list(r[::-3]))
for idx in [7, -8, 100]:
    try:
        r[idx]
    except IndexError as e:
        print(idx, "IndexError:", e)
for val in [3, 7, 4, 27, 31, -1, 3.0, 7.5, True, "3", None]:
    print(repr(val), val in r, r.count(val))
try:
    r.index(4)
except ValueError as e:
    print("ValueError:", e)
print(range(0) == range(5, 5), range(0, 10, 3) == range(0, 12, 3), range(1, 2) == range(1, 3, 5), range(3) == [0, 1, 2], range(2) != range(3))
print(hash(range(0)) == hash(range(4, 4)), hash(range(1, 6, 5)) == hash(range(1, 2)), {range(3): "r"}[range(0, 3)])
for args in [(), (1, 2, 3, 4), (0, 5, 0), (1.5,), ("3",), (None,)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__ + ":", e)
class I:
    def __index__(self):
        return 4
print(range(I()), range(1, I()), list(range(I(), 0, -1)), range(True), range(10)[I()], range(10)[True])
try:
    range(10)["x"]
except TypeError as e:
    print("TypeError:", e)
print(list(reversed(range(1, 10, 3))), sum(range(101)), max(range(-5, 5)), sorted(range(5), reverse=True), list(zip(range(3), range(10, 13))))
it = iter(range(3))
print(type(it).__name__, next(it), list(it), type(iter(range(10 ** 20))).__name__, next(iter(range(10 ** 20, 10 ** 21))))
try:
    range(10)[1] = 2
except TypeError as e:
    print("TypeError:", e)
