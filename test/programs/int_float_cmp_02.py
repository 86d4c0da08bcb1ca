# int/float conversions and comparisons at the edges: 2**53 neighbours, huge ints vs inf/nan/max float, int(float), float(int) overflow.
inf, nan = float("inf"), float("nan")
big = 2 ** 53
for n in [big - 1, big, big + 1, big + 2, -big - 1]:
    f = float(n)
    print(n, repr(f), n == f, n < f, n > f, int(f) - n)
for n in [10 ** 308, 10 ** 309, 2 ** 1023, 2 ** 1024, -(2 ** 1024)]:
    try:
        print(n % 1000, repr(float(n)))
    except OverflowError as e:
        print(n % 1000, "OverflowError:", e)
mx = 1.7976931348623157e308
print(2 ** 1024 > mx, 2 ** 1024 < inf, int(mx) == 2 ** 1024 - 2 ** 971, int(mx) < 2 ** 1024, -(2 ** 1024) < -mx)
for n in [0, 1, -1, 10 ** 500, -(10 ** 500)]:
    print(n == inf, n < inf, n > -inf, n == nan, n < nan, n > nan, n != nan)
for f in [0.5, -0.5, 1.5, -1.5, 1e18, 1e19, -1e19, 2.0 ** 63, 2.0 ** 64, 1.23e25, 1e300]:
    print(repr(f), int(f), int(f) == f)
for f in [inf, -inf, nan]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(repr(f), type(e).__name__ + ":", e)
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 == 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, 2 ** 64 + 1 > 2.0 ** 64)
print(10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 10 ** 22 == 1e22, 10 ** 23 == 1e23, 10 ** 23 > 1e23)
print(max(2 ** 53 + 1, float(2 ** 53)), min(float(2 ** 53), 2 ** 53 + 1), sorted([2 ** 53 + 1, 2.0 ** 53, 2 ** 53]))
print(0 == -0.0, 0 < 5e-324, -5e-324 < 0, 1 / 3 < 1, (2 ** 100 + 1) / 2 ** 100, 10 ** 400 // 10 ** 399 == 10)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) / (10 ** 399), 1 / 10 ** 400, 10 ** 20 / 7)
print(hash(2 ** 53) == hash(2.0 ** 53), hash(0.5) == hash(1 / 2), hash(1e100) == hash(int(1e100)), hash(-1.0), hash(inf), hash(-inf))
print(float("1" + "0" * 400), float(2 ** 1023 + 2 ** 970) == 2.0 ** 1023 + 2.0 ** 970)
print(round(2.5), round(2 ** 53 + 0.5), int(-0.9999), int(0.99999999999999999), 7 // 2.0, -7 // 2.0, 7 % -2.5)
