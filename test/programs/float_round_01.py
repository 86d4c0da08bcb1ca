# round(): ties to even, binary representation effects, negative and huge ndigits, int results, errors for inf/nan.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 0.49999999999999994, 1e16 + 1, 2.0 ** 52 + 0.5]:
    print(repr(v), round(v), type(round(v)).__name__, round(v, 0), round(v, None))
for v in [2.675, 2.665, 1.005, 0.125, 0.375, 0.115, 1.15, 1.25, 1.35, 2.5e-5, 123.456789, -123.456789]:
    print(repr(v), [round(v, n) for n in range(0, 6)])
for v in [123456.789, -987654.321, 5.5, 15.0, 25.0, 1e300]:
    print(repr(v), [round(v, n) for n in (-1, -2, -3, -5, -400)])
for n in [1234, 1250, 1350, -1250, -1350, 15, 25, 10 ** 30 + 5 * 10 ** 28, -(10 ** 20) - 5]:
    print(n, round(n, -1), round(n, -2), round(n, -29), round(n, 2), round(n), type(round(n, -1)).__name__)
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17), round(1e-320, 320), round(5e-324, 400), round(1.5, 1000))
print(round(-0.0), round(-0.4), round(-0.0, 1), round(0.0, -5), round(-0.5, 0), round(1e-10, 5))
print(round(True), round(False, 3), type(round(True)).__name__, round(7, 0), round(7, -1), round(-7, -1))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(repr(v), type(e).__name__ + ":", e)
    print(repr(v), round(v, 2))
for args in [(1.5, 1.0), ("1.5",), (1.5, "2")]:
    try:
        round(*args)
    except TypeError as e:
        print(args, "TypeError:", e)
class R:
    def __round__(self, n=None):
        return f"R.__round__({n})"
print(round(R()), round(R(), 3), round(R(), None))
try:
    round(object())
except TypeError as e:
    print("TypeError:", e)
print(round(2 ** 1023 * 1.5, -300) == 2 ** 1023 * 1.5, round(1.5e308, -307), round(1.5e308, -309))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print("OverflowError:", e)
