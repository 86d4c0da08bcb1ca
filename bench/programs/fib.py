# Recursion: naive doubly recursive Fibonacci (function-call overhead, small ints).
N = 33  # bench: quick=20


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib(%d) = %d" % (N, fib(N)))
