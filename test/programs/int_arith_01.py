# Integer arithmetic: + - * // % with every sign combination, divmod, unary ops.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 1), (1, 5), (-1, 5), (12, 4), (-12, 4)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(-(-5), +(-5), -0, abs(-9), abs(9))
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
print(x)
print(2 + 3 * 4 - 6 // 4 % 3, (2 + 3) * (4 - 6) // 4)
print(17 // 5 * 5 + 17 % 5 == 17, -17 // 5 * 5 + -17 % 5 == -17)
print(True + True, True * 10, False - 1, 3 // True)
for n in range(-3, 4):
    print(n, n // 2, n % 2, n // -2, n % -2, n * n, n ** 2)
