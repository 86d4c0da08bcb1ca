# Shortest repr of many computed floats (a deterministic LCG drives the values), round trips, decimal/exponent switch points.
state = 12345
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state
out = []
for i in range(40):
    mant = lcg() >> 11
    exp = (lcg() % 80) - 40
    v = mant / 2 ** 53 * 10.0 ** exp
    r = repr(v)
    assert float(r) == v
    out.append(r)
for i in range(0, 40, 4):
    print(" ".join(out[i:i + 4]))
for k in range(-7, 18):
    print(k, repr(10.0 ** k), repr(1.5 * 10.0 ** k), repr(-(10.0 ** k) / 3))
specials = [0.1 + 0.2, 0.3, 1.1 + 2.2, 3 * 1.1, 0.1 * 3, 1 - 0.9, 4.35 * 100, 0.07 * 100, 1e16, 1e16 + 2, 9007199254740993.0,
            2.0 ** 52 + 0.5, 1 / 7, 22 / 7, 355 / 113, 2.0 ** -1074, 2.0 ** -1022, 2.2250738585072014e-308, 4.9e-324, 1e-323,
            1.7976931348623157e308, 123456789.123456789, 0.000001, 0.0000001, 1234567890123456789.0, 1e21, 1e-7 * 3]
for v in specials:
    print(repr(v), str(v), float(repr(v)) == v)
print([0.1, 0.25, 1e-10], (1e300 * 1e10, -1e300 * 1e10), {2.5: 1e-5}, str(-0.0), repr(-0.0), repr(0.0 * -1))
print(repr(float("nan")), repr(-float("nan")), repr(float("-inf")), str(float("infinity")))
x = 0.0
for i in range(10):
    x += 0.1
print(repr(x), x == 1.0, repr(sum([0.1] * 10)), repr(1.0 - 1e-16), repr(1.0 + 2.2e-16), repr(0.1 ** 10))
