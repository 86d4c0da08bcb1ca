# Big-integer arithmetic cross-checked with identities: products, quotients, gcd, roots, digit sums, mixed signs.
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
a = 2 ** 521 - 1
b = 3 ** 300 + 17
c = -(7 ** 250)
print(a % 10 ** 20, b % 10 ** 20, c % 10 ** 20, len(str(a)), len(str(b)), len(str(c)))
print((a * b) // b == a, (a * b) % b, (a * c) // c == a, (a + b + c) - a - b == c, (a - b) + (b - a))
q, r = divmod(a * b + 12345, b)
print(q == a, r, divmod(c, 10 ** 50)[1], divmod(-c, -(10 ** 50))[1])
print(gcd(a * 6, b * 6), gcd(2 ** 200, 6 ** 100) == 2 ** 100, gcd(c, 7 ** 100) == 7 ** 100)
n = 10 ** 200 + 12345
s = isqrt(n)
print(s * s <= n < (s + 1) ** 2, str(s)[:20], isqrt(2 * 10 ** 100) % 10 ** 10)
f = 1
for i in range(1, 201):
    f *= i
print(sum(map(int, str(f))), len(str(f)) , str(f).rstrip("0")[-10:], len(str(f)) - len(str(f).rstrip("0")))
print(f // (f // 200) , f % (2 ** 64 + 13), (f + 1) % 101)
x = 1
for i in range(100):
    x = x * 1103515245 + 12345
print(x % 2 ** 31, x.bit_length(), -x // 2 ** 3000 if x.bit_length() > 3000 else -x // 2 ** 100 % 1000)
print(abs(c) == -c, -c > 0, c < -(10 ** 200), (c * c) == c ** 2, c ** 3 < 0, (-1) ** (10 ** 20), (-2) ** 101 < 0)
fib = [0, 1]
for _ in range(500):
    fib.append(fib[-1] + fib[-2])
print(fib[500] % 10 ** 15, len(str(fib[500])), fib[499] * fib[501] - fib[500] ** 2)
print(int(str(a)[::-1]) % 97, sum(int(d) for d in str(2 ** 1000)), (10 ** 100 - 1) // 9 % 1000)
print(str(-(10 ** 40) + 1), -(10 ** 40) // 3, -(10 ** 40) % 3, (10 ** 40) // -3, 10 ** 40 % -3)
