# Slice assignment and deletion on lists: growing/shrinking, negative steps, steps with size mismatch errors, self-assignment.
def show(label, lst):
    print(f"{label:28} {lst}")

a = list(range(8))
a[2:4] = "abcd"
show("grow in middle", a)
a[1:7] = []
show("shrink", a)
a[0:0] = [-2, -1]
show("insert front", a)
a[len(a):] = (100,)
show("append via slice", a)
a[-1:-1] = ["before last"]
show("insert before last", a)
a[5:2] = ["empty range insert"]
show("stop < start inserts at 5", a)
b = list(range(10))
b[::-1] = range(10)
show("reverse assign", b)
b[8:1:-3] = ["x", "y", "z"]
show("neg step assign", b)
b[::4] = [None] * len(b[::4])
show("step 4", b)
for target, value in [("b[::2]", [1]), ("b[::-1]", []), ("b[1::3]", "ab")]:
    c = list(range(10))
    try:
        if target == "b[::2]":
            c[::2] = value
        elif target == "b[::-1]":
            c[::-1] = value
        else:
            c[1::3] = value
    except ValueError as e:
        print(target, "ValueError:", e)
c = list(range(10))
c[::1] = [7]
show("step 1 behaves like plain", c)
try:
    c[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    c[::2] = 5
except TypeError as e:
    print("TypeError:", e)
d = list(range(12))
del d[::-2]
show("del ::-2", d)
del d[-2:]
show("del -2:", d)
del d[100:]
show("del out of range", d)
del d[:]
show("del all", d)
e = list(range(10))
del e[1:8:3]
show("del 1:8:3", e)
f = [1, 2, 3]
f[:] = f
show("self assign", f)
f[1:1] = f
show("insert self", f)
f[::-1] = f[:]
show("reverse via copy", f)
g = list(range(5))
g[-100:100] = ["all"]
show("huge bounds", g)
h = list(range(6))
h[2:4] = iter(["it1", "it2", "it3"])
show("from iterator", h)
h[0:2] = {"k": 1}
show("from dict keys", h)
h[:0] = "xy"
show("prefix chars", h)
print(h[::-2], h[-2::-2], h[1:-1:2], h[10:0:-4])
