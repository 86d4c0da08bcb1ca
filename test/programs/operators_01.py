# Operator precedence and associativity: ** with unary minus, comparisons vs boolean ops, bitwise vs comparison, conditional expressions.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** -2, not 1 == 2, not (1 == 2))
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4), 7 // 2 * 2, -7 // 2 * 2)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, (1 << 2) + 1, ~0 + 1, -~5, ~-5, 8 >> 1 << 2)
print(1 < 2 and 2 < 3, 1 < 2 or 1 / 0, 0 and 1 / 0, not 0 or 5, not (0 or 5), True or False and False, (True or False) and False)
print(1 if True else 2 if False else 3, (1 if False else 2) if False else 3, [x for x in range(5) if x % 2 if x > 1])
print(3 & 1 == 1, (3 & 1) == 1, 3 | 4 > 5, 1 + 1 == 2 == 2.0, "a" + "b" * 2, ("a" + "b") * 2, -3 % 5, -(3 % 5))
print(2 + 3 in [5], (2 + 3) in [5], "x" not in "abc" == True, ("x" not in "abc") == True, None is not None is None)
x = 5
print(x if x > 3 else -x, (lambda: x * 2)(), [1, 2][x > 3], {True: "t", False: "f"}[x < 3], x * -1, x ** -1, -x ** 2)
print(+-+-1, - - 1, not not 0, ~~7, 2 ** 0.5 ** 2, 1e1 ** 2, 10 ** 2 ** -1)
a, b = 6, 4
print(a // b, a % b, divmod(a, b), a / b, a ** b, a & b, a | b, a ^ b, a << b, a >> 1, -a // b, -a % b, a // -b)
print(a == b or a > b, a != b and a > b, a is b, a is not b, a == 6.0, [a] == [6.0])
s = "text"
print(s * 2 + "!", s[1:] + s[:1], s[::-1].upper() * 2, len(s) * 2 ** 2, s < "zz" > "a", s[0] in "aeiout" and s[-1] == "t")
print(((1, 2) + (3,)) * 2, [1] * 2 + [2] * 2, {1} | {2} & {2, 3}, ({1} | {2}) & {2, 3}, {1, 2} - {2} | {5})
