# In-place dunders vs fallbacks, reflected priority for subclasses, mixing with builtins.
class Acc:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("  __add__")
        return Acc(self.items + list(other))
    def __imul__(self, n):
        self.items *= n
        return self
    def __repr__(self):
        return f"Acc({self.items})"

x = Acc([1])
y = x
x += [2]
print(x, y, x is y)
z = x + [3]
print(z, x)
x *= 2
print(x)

class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoIadd(self.v + o)
    def __repr__(self):
        return f"NoIadd({self.v})"
n = NoIadd(1)
m = n
n += 5
print(n, m, n is m)

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return f"Num.__add__({type(o).__name__})"
    def __radd__(self, o):
        return f"Num.__radd__({type(o).__name__})"
class SubNum(Num):
    def __radd__(self, o):
        return f"SubNum.__radd__({type(o).__name__})"
print(Num(1) + Num(2), Num(1) + SubNum(2), SubNum(1) + Num(2), 5 + Num(1), Num(1) + 5)

class OnlyR:
    def __rpow__(self, base):
        return f"rpow({base})"
    def __rtruediv__(self, o):
        return f"rtruediv({o})"
    def __rfloordiv__(self, o):
        return f"rfloordiv({o})"
    def __rmod__(self, o):
        return f"rmod({o})"
    def __rlshift__(self, o):
        return f"rlshift({o})"
    def __rand__(self, o):
        return f"rand({o})"
    def __rmatmul__(self, o):
        return f"rmatmul({o})"
r = OnlyR()
print(2 ** r, 1 / r, 7 // r, 9 % r, 1 << r, 3 & r, [1] @ r if False else "skip")
try:
    r ** 2
except TypeError as e:
    print("TypeError", e)
lst = [1]
t = lst
t += (2, 3)
print(lst, t is lst)
tup = (1,)
u = tup
tup += (2,)
print(tup, u, tup is u)
s = "a"
s += "b"
print(s)
