# f(*args, **kwargs) calls of Python functions nest as deep as the recursion limit allows (they
# run in the eval loop, as CALL does), and the depth-limit messages match CPython's.
import sys
class A:
    def m(self, *a, **k):
        return (a, sorted(k.items()))
a = A()
print(a.m(*[1, 2], **{'x': 3}))
print(A.m(a, *(1,), y=2))
def g(*a, **k):
    yield a
    yield k
print(list(g(*range(3), z=1)))
def kw(a, b=2, *, c):
    return a, b, c
print(kw(*[1], **{'c': 3}))
try:
    kw(*[1, 2, 3], **{'c': 3})
except TypeError as e:
    print(e)
try:
    kw(*5)
except TypeError as e:
    print(e)
try:
    a.m(*5)
except TypeError as e:
    print(e)
try:
    kw(1, **{1: 2})
except TypeError as e:
    print(e)
try:
    kw(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(e)
def rec(n, **k):
    return rec(n + 1, **k)
try:
    rec(0, x=1)
except RecursionError as e:
    print("rec", e)
sys.setrecursionlimit(5000)
def d(n, *p):
    return 0 if n == 0 else 1 + d(n - 1, *p)
print(d(4900))
class B(A):
    def m(self, *a, **k):
        return super().m(*a, **k)
print(B().m(*"ab", q=1))
def rec(n, x=0):
    return rec(n + 1, x=1)
try:
    rec(0)
except RecursionError as e:
    print("rec", e)
def gen(n):
    yield n
def g2(n):
    try:
        return g2(n + 1)
    except RecursionError:
        return gen(n)
print(type(g2(0)).__name__)
def h(n):
    return h(n + 1)
try:
    h(0)
except RecursionError as e:
    print("h", e)
