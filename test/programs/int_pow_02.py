# pow(): three-argument forms with negative bases, exponents and moduli, modular inverses, float results, error messages.
for b, e, m in [(2, 10, 1000), (-2, 3, 5), (2, 3, -5), (-2, 3, -5), (3, 0, 7), (0, 0, 7), (5, 3, 1), (5, 3, -1),
                (10 ** 20, 10 ** 10, 10 ** 9 + 7), (2, 2 ** 64, 97), (-7, 13, 10 ** 15 + 37)]:
    print(f"pow({b}, {e}, {m}) =", pow(b, e, m))
for b, m in [(3, 7), (3, -7), (-3, 7), (10, 17), (2 ** 61 - 2, 2 ** 61 - 1), (123456789, 10 ** 9 + 7)]:
    inv = pow(b, -1, m)
    print(f"pow({b}, -1, {m}) =", inv, (b * inv) % m == 1 % m, pow(b, -3, m) == pow(inv, 3, m))
for args in [(2, -1, 4), (0, -1, 5), (6, -2, 9), (2, 5, 0), (2, -1, 0), (2, 3, 1.0), (2.0, 3, 5), (0, -1), (0, -2.5), (0.0, -1)]:
    try:
        print(args, "->", pow(*args))
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(args, type(e).__name__ + ":", e)
print(2 ** -1, 2 ** -10, (-2) ** -1, 10 ** -20, (-3) ** -3, 1 ** -100, (-1) ** -101, type(5 ** -1).__name__)
print(pow(-8, 2), pow(-2, 63), pow(-2, 64), pow(-8, 3), pow(True, 5), pow(2, True), pow(False, 0))
try:
    (10 ** 400) ** -1
except OverflowError as e:
    print("OverflowError:", e)
print(pow(10, -2), pow(2, 0.5), pow(-2, 2.0), pow(4, -0.5), 0 ** 0.0, 0.0 ** 0)
print(pow(3, 200) % 1000, pow(3, 200, 1000), len(str(7 ** 777)), 7 ** 777 % 10 ** 10)
try:
    pow(0.0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(pow(2, 1000, 2 ** 1000 + 1) == 2 ** 1000, pow(2 ** 1000, 2, 10 ** 9), pow(-(10 ** 30), 3, 10 ** 7 + 19))
