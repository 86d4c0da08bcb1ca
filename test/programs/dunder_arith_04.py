# Reflected and in-place operators with builtins: __radd__ via sum(), __rmul__ with sequences, __index__, __ipow__, subclass priority.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __rmul__(self, k):
        return Money(self.cents * k)
    def __rsub__(self, o):
        return Money(o - self.cents)
    def __rtruediv__(self, o):
        return f"{o} / {self}"
    def __rfloordiv__(self, o):
        return f"{o} // {self}"
    def __rmod__(self, o):
        return f"{o} % {self}"
    def __rpow__(self, o):
        return f"{o} ** {self}"
    def __rlshift__(self, o):
        return f"{o} << {self}"
    def __rand__(self, o):
        return f"{o} & {self}"
    def __rdivmod__(self, o):
        return f"divmod({o}, {self})"
    def __rmatmul__(self, o):
        return f"{o} @ {self}"

m = Money(150)
print(sum([m, Money(50), Money(1)]), sum([], Money(0)), 3 * m, 1000 - m)
print(10 / m, 10 // m, 10 % m, 2 ** m, 1 << m, 7 & m, divmod(9, m), [1] @ m)

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
i = Idx(3)
print("ab" * i, [0] * i, (1, 2) * Idx(2), list(range(10))[i], list(range(10))[Idx(1):Idx(7):Idx(2)], bin(i), hex(Idx(255)))
print(int(i) if hasattr(i, "__int__") else "no __int__", int.__mul__(4, 2), (5).__radd__(1), (5).__rsub__(1), (2).__rpow__(3))

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __ipow__(self, n):
        self.items = self.items * n
        return self
    def __imatmul__(self, o):
        return "replaced by @="
    def __ior__(self, o):
        self.items.extend(o)
        return self
a = Acc()
orig = a
a += 1
a += 2
a **= 2
a |= [9]
print(a.items, a is orig)
a @= 0
print(a)

class Base:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return f"Base.__mul__({type(o).__name__})"
    def __rmul__(self, o):
        return f"Base.__rmul__({type(o).__name__})"
class Derived(Base):
    def __rmul__(self, o):
        return f"Derived.__rmul__({type(o).__name__})"
print(Base(1) * Derived(2), Derived(2) * Base(1), Base(1) * Base(2))
lst = [1, 2]
alias = lst
lst += (3, 4)
print(lst, alias is lst)
t = (1,)
tt = t
t += (2,)
print(t, tt, t is tt)
try:
    lst2 = [1]
    lst2 = lst2 + (2,)
except TypeError as e:
    print("TypeError:", e)
class F(float):
    def __radd__(self, o):
        return "F.__radd__"
print(1.0 + F(2.0), 1 + F(2.0), F(2.0) + 1.0)
