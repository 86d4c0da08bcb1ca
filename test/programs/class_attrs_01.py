# Class and instance attributes: shadowing, mutable class attributes shared, augmented assignment targets, del.
class Counter:
    total = 0
    shared = []
    def __init__(self):
        self.count = 0
    def hit(self):
        self.count += 1
        Counter.total += 1
        self.shared.append(self.count)

a, b = Counter(), Counter()
a.hit(); a.hit(); b.hit()
print(a.count, b.count, Counter.total, a.total, Counter.shared, b.shared is a.shared)
a.total = "shadow"
print(a.total, b.total, Counter.total)
del a.total
print(a.total)
class Data:
    items = {}
d = Data()
d.items["k"] = "v"
print(Data.items)
d.items = {"own": 1}
print(Data.items, d.items)
class Point:
    def __init__(self):
        self.coords = [0, 0]
        self.n = 1
p = Point()
p.coords[0] += 5
p.n += 10
p.n *= 2
p.n -= 1
p.n //= 3
p.n **= 2
p.n %= 7
p.n <<= 3
p.n |= 1
p.n ^= 2
p.n &= 0xFF
p.n >>= 1
print(p.coords, p.n)
grid = {"a": [1, 2]}
grid["a"][1] *= 10
grid["b"] = grid.get("b", 0) + 1
grid["b"] += 1
print(grid)
class Outer:
    class Inner:
        value = 5
    ref = Inner.value * 2
print(Outer.ref, Outer.Inner.value, Outer.Inner.__qualname__)
class Chain:
    x = 1
    y = x + 1
    z = [x, y]
print(Chain.z)
print(type(Counter.hit).__name__, type(a.hit).__name__, Counter.__dict__["total"])
