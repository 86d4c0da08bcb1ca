# Reference cycles and what gc.collect() reports for them (automatic collection off: counts exact).
import gc

gc.disable()
print(gc.isenabled(), gc.collect() >= 0)

l = []
l.append(l)
del l
print("self list", gc.collect())

a = [1, 2]
b = [a]
a.append(b)
del a, b
print("list pair", gc.collect())

d = {}
d["me"] = d
del d
print("self dict", gc.collect())

d = {"k": [1, 2, 3]}
d["k"].append(d)
del d
print("dict-list", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple-list", gc.collect())

s = set()
class Box:
    pass
bx = Box()
bx.s = s
s.add(bx)
del s, bx
print("set-instance", gc.collect())

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

def ring(n):
    first = Node(0)
    cur = first
    for i in range(1, n):
        cur.next = Node(i)
        cur = cur.next
    cur.next = first

ring(5)
print("ring of 5", gc.collect())
ring(100)
print("ring of 100", gc.collect())

x = Node("x")
x.next = x
y = x
del x
print("still referenced", gc.collect(), y.next is y)
del y
print("now free", gc.collect())

def outer():
    def inner():
        return inner
    return inner

f = outer()
del f
print("closure", gc.collect())

class Holder:
    def method(self):
        return 1

h = Holder()
h.m = h.method
del h
print("bound method", gc.collect())

n = Node("deep")
cur = n
for i in range(3000):
    cur.next = [Node(i)]
    cur = cur.next[0]
cur.next = n
del n, cur
print("long chain", gc.collect())

nested = []
cur = nested
for i in range(3000):
    new = []
    cur.append(new)
    cur = new
cur.append(nested)
del nested, cur, new
print("deep nesting", gc.collect())

print("nothing left", gc.collect())
gc.enable()
print(gc.isenabled())
