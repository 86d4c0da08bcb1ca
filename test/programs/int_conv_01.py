# int() parsing and conversions, str/repr, hex/oct/bin.
print(int("42"), int("-17"), int("  +8  "), int("1_000_000"), int("0"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("777", 8), int("101", 2), int("Zz", 36))
print(int(3.99), int(-3.99), int(True), int(1e20), int(-0.5))
print(int(), int(" 12\n"))
for s in ["12a", "", "1.5", "0x10", "--1"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(0), bin(0))
print(hex(2 ** 70), oct(2 ** 40), bin(2 ** 20 + 1))
print(str(-0), repr(10 ** 25), str(1_000), 0x1F, 0o777, 0b1111_0000)
print(float(7), float(-3), float(2 ** 60))
print(round(7), round(7.5), round(8.5), round(-2.5), round(1234, -2), round(1250, -2), round(1350, -2))
print(bool(0), bool(-1), bool(10 ** 100))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
