# repr/str of floats: shortest round-tripping repr, exponent thresholds.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 7, 1e15, 1e16, 1e17,
        123456789012345678.0, 1e-4, 1e-5, 0.00012345, 1.5e-7, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        2.5, 3.14159, 100.0, 1234567.0, 0.5e-10, 9.999999999999999e22, 2 ** 0.5, 1e100, 123.456e-300]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("-1e500"), float("  3.25 "), float("1_000.5"), float("-.5"), float("5."))
print(float("Infinity"), float("-iNF"), float("nan") != float("nan"))
print([1.0, 2.5, -0.0], (0.1,), {"k": 1e-9})
print(1e16 + 1, 2.0 ** 62, 2.0 ** -20, 1.0 / 1024)
print(0.1 * 3, 1.1 * 1.1, 1 - 0.9, 100 * 1.1)
for bad in ["abc", "", "1e", "1.2.3"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
