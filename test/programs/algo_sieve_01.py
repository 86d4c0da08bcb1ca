# Sieve of Eratosthenes, prime factorisation, and a prime generator.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]
def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
ps = sieve(1000)
print(len(ps), ps[:15], ps[-5:], sum(ps))
print(factorize(360), factorize(97), factorize(2 ** 10 * 3 ** 5 * 7), factorize(600851475143))
g = primes()
print([next(g) for _ in range(20)])
twins = [(p, p + 2) for p in ps if p + 2 in set(ps)]
print(len(twins), twins[:6])
goldbach = {n: next((p, n - p) for p in ps if n - p in set(ps)) for n in range(4, 40, 2)}
print(goldbach)
