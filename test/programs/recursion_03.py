# With sys.setrecursionlimit(100000), moderately deep recursion (about 5000 levels) succeeds: plain, mutual, methods, generators, closures.
import sys
sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(5000))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(3000), is_odd(2001))
class Node:
    def __init__(self, value, nxt=None):
        self.value, self.next = value, nxt
    def total(self):
        return self.value + (self.next.total() if self.next else 0)
    def length(self):
        return 1 + (self.next.length() if self.next else 0)
head = None
for i in range(3000):
    head = Node(i, head)
print(head.total(), head.length())
def build(n):
    return [] if n == 0 else [build(n - 1)]
def measure(lst):
    return 0 if not lst else 1 + measure(lst[0])
print(measure(build(3000)))
def countdown(n):
    if n:
        yield n
        yield from countdown(n - 1)
print(sum(countdown(800)))
def make_adder_chain(n):
    if n == 0:
        return lambda x: x
    inner = make_adder_chain(n - 1)
    return lambda x: inner(x) + 1
print(make_adder_chain(2000)(0))
def rev(s):
    return s if len(s) <= 1 else rev(s[1:]) + s[0]
r = rev("abcdefghij" * 300)
print(len(r), r[:12], r == ("abcdefghij" * 300)[::-1])
def try_deep(n):
    try:
        return try_deep(n - 1) if n else "bottom"
    finally:
        pass
print(try_deep(5000))
