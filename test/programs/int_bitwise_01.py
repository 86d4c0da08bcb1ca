# Shifts and bitwise operators, including negatives.
vals = [0, 1, 5, -1, -6, 255, -256, 0x7FFFFFFF, -0x80000000]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a & 0xF0, a | 0x0F, a ^ 0x55)
print(1 << 0, 1 << 31, 1 << 32, 1 << 63, 1 << 64, 1 << 65)
print(-1 >> 100, 1 >> 100, -5 >> 1, -4 >> 1)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(-12 & -7, -12 | -7, -12 ^ -7, -12 & 7, 12 | -7)
x = 0b1111
x &= 0b1010
x |= 0b10000
x ^= 0b11
x <<= 2
x >>= 1
print(x, bin(x))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)])
