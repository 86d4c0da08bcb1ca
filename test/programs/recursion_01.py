# Recursion: classic algorithms, mutual recursion, RecursionError at the limit and recovery afterwards.
import sys
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
def perms(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]
print(fact(50), [fib(i) for i in range(15)], ackermann(2, 3), len(hanoi(10)), hanoi(3))
print(is_even(100), is_odd(77), power_set([1, 2, 3]), perms("abc"))
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as e:
    print("RecursionError", e, 900 < depth <= sys.getrecursionlimit())
print(fact(400) > 0, sum(int(d) for d in str(fact(400))))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
