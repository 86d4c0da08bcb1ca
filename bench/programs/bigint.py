# Big integers: digits of pi with an unbounded spigot, plus factorial and Fibonacci of large n.
N = 3000  # bench: quick=200


def pi_digits(count):
    # Gibbons' streaming spigot on the linear fractional transformation (q, r, t)
    q, r, t, k = 1, 0, 1, 1
    digits = []
    while len(digits) < count:
        n3 = (3 * q + r) // t
        n4 = (4 * q + r) // t
        if n3 == n4:
            digits.append(n3)
            q, r = 10 * q, 10 * (r - n3 * t)
        else:
            q, r, t, k = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1), k + 1
    return digits


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def fib_pair(n):
    # fast doubling: returns (F(n), F(n+1))
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2:
        return d, c + d
    return c, d


digits = pi_digits(N)
print("pi: %s...%s" % ("".join(str(d) for d in digits[:12]), "".join(str(d) for d in digits[-12:])))
m = 10 ** 30
f = factorial(N * 2)
zeros = 0
while f % 10 == 0:
    f //= 10
    zeros += 1
print("%d! ends with %d zeros, then ...%d" % (N * 2, zeros, f % m))
fa, fb = fib_pair(N * 100)
print("fib(%d) mod 10**30 = %d, gcd-check %d" % (N * 100, fa % m, (fb * fb - fa * fb - fa * fa) ** 2))
