# Big ints and the 3.11 int/str conversion limit (4300 digits), plus sys.set_int_max_str_digits.
import sys
big = 10 ** 4299
print(len(str(big)), str(big)[:5])
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(10000)
print(len(str(10 ** 5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(4300)
print(hex(10 ** 5000)[:10], len(hex(10 ** 5000)), (10 ** 5000).bit_length())
x = 1
for i in range(1, 300):
    x = x * i + 1
print(x % 10 ** 12, x.bit_length(), x // 10 ** 600 if x > 10 ** 600 else "small")
print((2 ** 4000 - 1) % 255, (-(2 ** 4000)) >> 3990, (2 ** 4000) // (2 ** 3999 + 1))
