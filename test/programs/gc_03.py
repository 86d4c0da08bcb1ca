# __del__ in reference cycles: called once per object, in creation order, resurrection allowed.
import gc

gc.disable()

class D:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name, "other:", self.other.name if self.other else None)

a = D("a")
b = D("b")
c = D("c")
a.other = b
b.other = c
c.other = a
del a, b, c
print("collected", gc.collect())

x = D("x")
y = D("y")
y.other = x
x.other = y
del y, x
print("collected", gc.collect())

# A plain object in the same cycle as a finalizable one.
class Plain:
    pass
p = Plain()
d = D("with plain")
p.d = d
d.other = None
d.plain = p
del p, d
print("collected", gc.collect())

# Resurrection: __del__ stores self globally; the cycle survives, __del__ is not called again.
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("phoenix __del__", self.name)
        saved.append(self)

ph = Phoenix("one")
ph.me = ph
del ph
print("collected", gc.collect())
print(len(saved), saved[0].me is saved[0])
saved.clear()
print("collected again", gc.collect())

# Resurrection without a cycle, by refcounting: __del__ runs once only.
r = Phoenix("two")
del r
print(len(saved))
saved.clear()
print("no second __del__", gc.collect())

# Finalizers that touch other objects of the garbage.
class Pair:
    def __init__(self, tag):
        self.tag = tag
        self.log = []
    def __del__(self):
        self.peer.log.append(self.tag)
        print("pair del", self.tag, self.peer.tag, self.peer.log)

m = Pair("m")
n = Pair("n")
m.peer = n
n.peer = m
del m, n
print("collected", gc.collect())

# A cycle through a list and a dict, found from a __del__ object.
e = D("e")
e.stuff = [{"back": e}]
del e
print("collected", gc.collect())

# Dying by refcount, not in a cycle: __del__ runs at once.
z = D("z")
del z
print("end", gc.collect())
