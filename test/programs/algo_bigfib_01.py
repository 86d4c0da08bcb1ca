# Big-integer workloads: fast doubling Fibonacci, digits of e via series, Collatz maxima, modular inverses.
def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)
f1000 = fib_pair(1000)[0]
print(len(str(f1000)), str(f1000)[:20], f1000 % 1_000_000_007)
def e_digits(n):
    scale = 10 ** (n + 5)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 5)
print(e_digits(60))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt(2 * 10 ** 80), isqrt(10 ** 50) == 10 ** 25)
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y, pow(17, -1, 3120), (17 * pow(17, -1, 3120)) % 3120)
def collatz_len(n, cache={1: 1}):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length
print(max(range(1, 5000), key=collatz_len), collatz_len(27))
print(2 ** 521 - 1 > 10 ** 156, (2 ** 521 - 1) % 1000, pow(3, 10 ** 18, 10 ** 9 + 7), sum(map(int, str(2 ** 1000))))
