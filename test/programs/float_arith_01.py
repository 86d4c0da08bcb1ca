# Float arithmetic: floor division, modulo signs, divmod, inf/nan propagation, errors.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (0.0, 3.0), (-0.0, 3.0), (5, 0.5)]
for a, b in pairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf, nan + 1, nan * 0)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** -1074)
print(-7 % 2.5, 7 % -2.5, -0.0 % 5, 0.0 % -5, 3 % inf, -3 % inf, -3 // inf)
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0.0), (5, 0)]:
    for op in ["/", "//", "%"]:
        try:
            r = a / b if op == "/" else (a // b if op == "//" else a % b)
            print(r)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
try:
    10 ** 400 / 1.0
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 // 10 ** 399 / 2, 10 ** 30 / 10 ** 10, 1 / 3 * 3, 7 / 2, -7 / 2, 6 / 3)
print(abs(-2.5), abs(-0.0), -(0.0), 0.0 == -0.0, sum([0.1] * 10), sum([0.5, 0.25], 1.0))
x = 1.5
x += 1
x *= 3
x /= 2
x -= 0.25
x //= 1
x **= 2
print(x)
