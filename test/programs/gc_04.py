# Generators in reference cycles: suspended ones are closed (finally blocks run), unstarted ones
# just dropped, and what they held is freed.
import gc

gc.disable()

def walker(box):
    try:
        yield 1
        yield 2
    finally:
        print("walker finally, box has", len(box))

box = []
g = walker(box)
box.append(g)
print(next(g))
del g, box
print("suspended", gc.collect())

box = []
g = walker(box)
box.append(g)
del g, box
print("unstarted", gc.collect())

class Owner:
    def __init__(self):
        self.gen = self.run()
    def run(self):
        yield self
        yield None

o = Owner()
print(next(o.gen) is o)
del o
print("owner", gc.collect())

o = Owner()
del o
print("owner unstarted", gc.collect())

def selfish():
    me = yield "start"
    print("got myself", me is not None)
    try:
        yield "waiting"
    finally:
        print("selfish finally")

s = selfish()
print(next(s))
print(s.send(s))
del s
print("self-referencing", gc.collect())

def counter(holder):
    i = 0
    while True:
        i += 1
        holder.append(i)
        yield i

h = []
c = counter(h)
h.append(c)
print(next(c), next(c))
del c, h
print("counter", gc.collect())

# A finished generator in a cycle holds nothing but itself.
lst = []
def once():
    yield 1
done = once()
for _ in done:
    pass
lst.append(done)
lst.append(lst)
del done, lst
print("finished", gc.collect())

# A generator expression kept in a list it iterates over.
items = [1, 2, 3]
ge = (x * 2 for x in items)
items.append(ge)
print(next(ge))
del ge, items
print("genexpr", gc.collect())
print("end", gc.collect())
