# Shifts and bitwise ops on big and negative ints (two's complement semantics), shift errors, masks.
vals = [2 ** 70, -(2 ** 70), 2 ** 70 - 1, -(2 ** 70) + 1, 12345678901234567890, -12345678901234567890, -1, 0]
for a in vals:
    print(a & 0xFFFF_FFFF, a | 0xF, a ^ -1, ~a, a >> 65, a >> 1, a << 5 >> 5 == a)
pairs = [(2 ** 100, -(2 ** 64)), (-(2 ** 100) - 5, 2 ** 64 + 3), (-(2 ** 90), -(2 ** 80) - 1), (-7, 2 ** 70 + 7)]
for a, b in pairs:
    print(a & b, a | b, a ^ b, (a & b) + (a | b) == a + b, (a ^ b) == (a | b) - (a & b))
print(1 << 1000 >> 998, -1 << 200 >> 199, (-1) >> 10 ** 6, 1 >> 10 ** 6, -(2 ** 64) >> 64, -(2 ** 64) - 1 >> 64)
print(0 << 10 ** 9 if False else 0 << 100, 5 << 0, -5 >> 0)
for a, n in [(1, -1), (2 ** 70, -3), (0, -1)]:
    for op in ("<<", ">>"):
        try:
            a << n if op == "<<" else a >> n
        except ValueError as e:
            print(op, "ValueError:", e)
for bad in [lambda: 1 << 1.0, lambda: 1.0 >> 1, lambda: 1 & 1.0, lambda: "a" | 1, lambda: ~"x"]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
mask = (1 << 64) - 1
x = -123456789
print(x & mask, hex(x & mask), (x & mask) - (1 << 64) == x, bin(-10), bin(-10 & 0xFF), oct(-64), hex(-(2 ** 65)))
print([n & -n for n in range(1, 17)], [(-n) & 0xF for n in range(6)])
print(sum(1 << i for i in range(0, 200, 7)).bit_count(), (2 ** 200 - 1).bit_count(), (-(2 ** 200)).bit_count())
print(-(2 ** 63) >> 63, -(2 ** 63) >> 62, (2 ** 63) >> 62, ((2 ** 128) | (2 ** 64)) >> 64, (-(2 ** 128)) & (2 ** 129 - 1))
