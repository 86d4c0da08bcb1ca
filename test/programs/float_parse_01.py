# float() construction: accepted strings (underscores, whitespace, case, specials), errors, __float__/__index__, bytes, big ints.
for s in ["1", "-1.5", "+.5", "5.", "1e3", "1E-3", "-1_000.000_1", "  12.5\n", "\t-0\t", "inf", "+INF", "-Infinity", "infinity",
          "nan", "-nan", "NaN", "1e400", "-1e400", "1e-400", "0x10" if False else "010", "00.5", "1_0e1_0", "٣.٥", "１.５",
          "9007199254740993", "0.1000000000000000055511151231257827", "2.4703282292062328e-324", "2.4703282292062327e-324"]:
    print(repr(s), repr(float(s)))
for s in ["", " ", "1_", "_1", "1__0", "1e", "e1", "1.2.3", "0x10", "inf1", "in", "nan(1)", "1,5", "1 5", "--1", "+-1", "1e1.5", ".", "-."]:
    try:
        float(s)
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for obj in [b"1.5", bytearray(b" 2 "), 3, -7, True, 2 ** 70, 10 ** 300]:
    print(repr(obj), repr(float(obj)))
for obj in [None, [1.0], "1.5j", 10 ** 400, object()]:
    try:
        float(obj)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(obj).__name__, type(e).__name__ + ":", e)
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 7
class BadFloat:
    def __float__(self):
        return "no"
class F(float):
    pass
print(float(WithFloat()), float(WithIndex()), float(F(1.25)), type(float(F(1.25))).__name__, type(F("3.5")).__name__, F("3.5"))
try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)
print(float(), float("  -0.0  "), float("1" * 30), float("0." + "0" * 30 + "1"), float("123456789e-9"))
