# Floor division and modulo: signs of results for every operand sign, small and big ints, the identity a == (a//b)*b + a%b.
smalls = [0, 1, 2, 3, 7, 10, 13]
for a in [17, -17, 3, -3, 0, 1, -1]:
    row = []
    for b in [5, -5, 1, -1, 3, -3, 17]:
        q, r = a // b, a % b
        assert q * b + r == a and divmod(a, b) == (q, r)
        row.append(f"{q}r{r}")
    print(f"{a:4}:", " ".join(row))
bigs = [10 ** 20 + 7, -(10 ** 20 + 7), 2 ** 64, -(2 ** 64), 3 ** 80, -(3 ** 80)]
divs = [7, -7, 2 ** 32, -(2 ** 32), 10 ** 19 + 1, -(10 ** 19 + 1), 3 ** 80]
for a in bigs:
    for b in divs:
        q, r = divmod(a, b)
        ok = q * b + r == a and (r == 0 or (r > 0) == (b > 0)) and abs(r) < abs(b)
        print(a // b, a % b, ok)
print(-1 // 2 ** 100, 1 // -(2 ** 100), -1 % 2 ** 100 == 2 ** 100 - 1, (2 ** 100) // (2 ** 100), -(2 ** 100) // (2 ** 100))
print(7 // 7, -7 // 7, 0 // -7, 0 % -7, -0 % 7, (-7) % 7, 6 % -7, -6 % 7)
for a, b in [(1, 0), (10 ** 30, 0), (0, 0)]:
    for op in ("//", "%", "divmod"):
        try:
            if op == "//":
                a // b
            elif op == "%":
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(a if a < 100 else "big", op, "ZeroDivisionError:", e)
x = 100
x //= -7
y = 100
y %= -7
print(x, y, True // 2, True % 2, -True // 2, 5 // True, divmod(True, True))
print([n % 4 for n in range(-8, 9)])
print([n // 4 for n in range(-8, 9)])
print(sum(i // 3 - i % 3 for i in range(-50, 50)))
