# sys attributes a VM mirrors: maxsize arithmetic, int_info/float_info fields, version_info tuple behaviour, write() return values.
import sys
print(sys.maxsize, sys.maxsize + 1 == 2 ** 63, -sys.maxsize - 1 == -(2 ** 63), type(sys.maxsize).__name__)
print(sys.version_info[:2], sys.version_info[0] == 3, sys.version_info.minor, type(sys.version_info).__name__, len(sys.version_info) == 5)
print(sys.byteorder, sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.max_exp, fi.min_exp, fi.max_10_exp, fi.min_10_exp, fi.radix, fi.rounds)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0, fi.max * 2, fi.min / 2 > 0, fi.max == 1.7976931348623157e308)
print(sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff", sys.hash_info.width, sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf, sys.hash_info.nan)
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(old, sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)
n = sys.stdout.write("written by sys.stdout.write\n")
m = sys.stderr.write("written by sys.stderr.write\n")
print(n, m, sys.stdout.write(""), sys.stdout.write("é日😀\n"))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.flush()
sys.stderr.flush()
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is not None, callable(sys.exit), callable(sys.getrecursionlimit))
print(type(sys.argv).__name__, type(sys.modules).__name__, "sys" in sys.modules, sys.getdefaultencoding(), sys.stdout.encoding)
