# int(str)/str(int) edges: whitespace and underscores, every base, unicode digits, error messages, the 4300-digit limit.
import sys
for s, base in [("  42  ", 10), ("+0", 10), ("-0", 10), ("0_0", 10), ("1_2_3", 10), ("0x_ff", 16), ("0X1F", 0), ("0b_1", 0),
                ("0o7_7", 0), ("00", 0), ("007", 10), ("z", 36), ("Z", 36), ("10", 2), ("10", 36), ("\t\n 9 \r", 10),
                ("١٢٣", 10), ("٣", 0), ("１２", 10), ("-ff", 16), ("+0o17", 0), ("0", 0), ("1" * 50, 2)]:
    print(repr(s), base, int(s, base))
for s, base in [("", 10), (" ", 10), ("1 2", 10), ("1__2", 10), ("_1", 10), ("1_", 10), ("08", 0), ("0x", 16),
                ("0b2", 0), ("12", 2), ("g", 16), ("1.0", 10), ("0x1", 10), ("+-1", 10), ("\x00", 10), ("∞", 10)]:
    try:
        int(s, base)
    except ValueError as e:
        print(repr(s), base, "ValueError:", e)
for base in [-1, 1, 37, 100]:
    try:
        int("1", base)
    except ValueError as e:
        print("base", base, "ValueError:", e)
for args in [(1.5, 10), (b"12",), (bytearray(b" 7 "),), (b"ff", 16), (None,), ([1],)]:
    try:
        print(args, int(*args))
    except TypeError as e:
        print(args, "TypeError:", e)
class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 8
print(int(WithInt()), int(WithIndex()), int("10", base=WithIndex()))
print(str(0), str(-0), str(10 ** 30), str(-(10 ** 30)), repr(-5), str(True), int(True), str(2 ** 64))
print(sys.get_int_max_str_digits(), sys.int_info.str_digits_check_threshold, sys.int_info.default_max_str_digits)
ok = 10 ** 4299
print(len(str(ok)), len(repr(-ok)), int("9" * 4300) % 1000, len(f"{ok}"))
for thunk in [lambda: str(10 ** 4300), lambda: repr(-(10 ** 4300)), lambda: int("1" * 4301), lambda: f"{10 ** 4300}",
              lambda: "%d" % 10 ** 4300, lambda: int("-" + "2" * 4301), lambda: format(10 ** 4300, ",")]:
    try:
        thunk()
        print("no error")
    except ValueError as e:
        print("ValueError:", e)
print(int("1" * 5000, 16) % 1000, len(hex(10 ** 5000)), len(bin(10 ** 4400)), int("1" * 4400, 2) % 997)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 700)
except ValueError as e:
    print("ValueError:", e)
