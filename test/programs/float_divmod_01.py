# Float // % divmod with mixed signs, -0.0 results, ints mixed in, inf operands, tiny/huge magnitudes, and the identity.
vals = [7.5, -7.5, 0.3, -0.3, 1e300, -1e-300, 0.0, -0.0, 5, -5]
divs = [2.0, -2.0, 0.1, -0.1, 3, -3, 1e-300, float("inf"), float("-inf")]
for a in vals:
    parts = []
    for b in divs:
        q, r = divmod(a, b)
        assert (q, r) == (a // b, a % b) or q != q
        parts.append(f"{q!r}/{r!r}")
    print(repr(a), " ".join(parts))
print(divmod(-0.0, 1.0), divmod(0.0, -1.0), -0.0 // 1, 0.0 // -1, -0.0 % 1, 0.0 % -1, -1e-320 % 1.0, 1e-320 % -1.0)
print(5.0 % 3, -5.0 % 3, 5 % -3.0, -5 % -3.0, 5.5 // 1, -5.5 // 1, 1e16 % 7, 2 ** 60 % 7.0, (2 ** 60) // 7.0)
print(10 % 0.1, 10 // 0.1, 1 % 0.1, 1 // 0.1, divmod(1, 0.1), 0.3 % 0.1, 0.3 // 0.1)
for a, b in [(1.0, 0.0), (0.0, 0.0), (1, 0.0), (float("inf"), 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(a, b, "ZeroDivisionError:", e)
inf = float("inf")
for a, b in [(inf, 2.0), (-inf, 2.0), (inf, inf), (float("nan"), 1.0), (1.0, float("nan"))]:
    print(a, b, a // b, a % b, divmod(a, b))
x = -7.0
x %= 3
y = -7.0
y //= 3
print(x, y, type(x).__name__, type(7 // 2.0).__name__, 7 // 2, -7 // 2, int(-7 / 2))
print([round(v * 0.1 % 0.3, 12) for v in range(10)])
