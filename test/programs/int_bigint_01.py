# Arbitrary-precision integers.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(30))
print(fact(60))
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 200)
big = 3 ** 150
print(big)
print(big // 7 ** 40, big % 7 ** 40)
print(divmod(-big, 10 ** 20))
print(len(str(fact(100))), sum(int(c) for c in str(fact(100))))
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b, b - a, a - b, b // a, b % a)
print(a * b // b == a, (a * b) % a)
print(-a // 7, -a % 7, a // -7, a % -7)
print(2 ** 100 == 1267650600228229401496703205376, 2 ** 100 > 2 ** 99)
print((1 << 100) >> 98, (1 << 100) | 1, ((1 << 100) - 1) & 0xFFFF)
print(-(1 << 70) >> 3, ~(1 << 70))
m = 1
for i in range(1, 40):
    m = m * 31 + i
print(m, m.bit_length())
print(int("9" * 50) + 1)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 30)
print(abs(-(10 ** 40)), max(10 ** 40, 10 ** 39), min(-(10 ** 40), 5))
