# repr of nested and self-referential containers: [[...]], {...}, mixed recursion through tuples/dicts/sets of frozen items.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a), a[2] is a, a[2][2][0])
b = [a, a]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
e = {"self": None}
e["self"] = e
print(e, repr(e))
f = {"list": []}
f["list"].append(f)
print(f)
g = [{}]
g[0]["back"] = g
print(g)
t = ([],)
t[0].append(t)
print(t)
h = [1]
h.append((h, {"k": h}))
print(h)
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    def __repr__(self):
        return f"Node({self.name}, {self.children})"
n = Node("root")
n.children.append(n)
try:
    print(n)
except RecursionError as err:
    print("RecursionError:", err)
print([[[[[]]]]], [[], [[]], [[], [[]]]], [(), ((),), ((), ((),))], {1: {2: {3: {}}}})
nested = []
cur = nested
for i in range(50):
    cur.append([])
    cur = cur[0]
print(repr(nested).count("["), repr(nested)[:12], str(nested)[-12:])
x = [1, 2, 3]
y = [x, x]
print(y, y[0] is y[1])
dd = {}
dd[1] = [dd, {2: dd}]
print(dd)
s = [set(), frozenset(), {1}, frozenset({2})]
print(s, [{}, {1: [1, (2,)]}], [b"", bytearray(b"x")])
