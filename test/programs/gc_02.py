# The gc module's interface: thresholds, counts, enable/disable, collect(generation), errors.
import gc

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(600, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.get_count()).__name__, len(gc.get_count()))

gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.garbage, type(gc.callbacks).__name__)

for call in (
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect("x"),
    lambda: gc.collect(1, 2),
    lambda: gc.collect(gen=1),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold("a"),
    lambda: gc.set_threshold(x=1),
    lambda: gc.enable(1),
    lambda: gc.isenabled(1),
    lambda: gc.get_count(1),
):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

gc.disable()
for gen in (0, 1, 2):
    l = []
    l.append(l)
    del l
    print("generation", gen, gc.collect(gen))
l = []
l.append(l)
del l
print("keyword", gc.collect(generation=2))
print("bool", gc.collect(True))

# Cycles made while collection is off pile up until collect() runs.
for i in range(2000):
    p = [i]
    p.append(p)
del p
print("piled", gc.collect())

print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
gc.enable()
# With collection on, a loop making cycles stays bounded (nothing to print but the end).
for i in range(20000):
    q = {"i": i}
    q["q"] = q
del q
gc.collect()
print("done", gc.collect())
