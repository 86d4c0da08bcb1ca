# __getitem__/__setitem__/__delitem__ receiving ints, slices and tuples; __missing__ in dict subclasses; __contains__ results.
class Recorder:
    def __init__(self):
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return key
    def __setitem__(self, key, value):
        self.log.append(("set", key, value))
    def __delitem__(self, key):
        self.log.append(("del", key))

r = Recorder()
print(r[1], r[-1], r[1:2], r[::2], r[:], r[1:2, 3], r[..., 0], r["k"], r[None], r[()], r[1,])
r[0] = "a"
r[1:3] = [9]
r[::-1] = "x"
del r[5]
del r[2:]
del r[:, 1]
for entry in r.log[-6:]:
    print(entry)

class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        print("  missing", key)
        value = self[key] = self.factory()
        return value
d = DefaultDict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, d.get("zzz"), "zzz" in d, len(d))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, c["q"], c.get("q", "get ignores __missing__"))
class Raising(dict):
    def __missing__(self, key):
        raise KeyError(f"custom {key}")
try:
    Raising()["nope"]
except KeyError as e:
    print("KeyError:", e)

class ReadOnly:
    def __getitem__(self, i):
        return i
ro = ReadOnly()
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del ro[0]
except TypeError as e:
    print("TypeError:", e)
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    five = 5
    five[0]
except TypeError as e:
    print("TypeError:", e)
try:
    ReadOnly[0]
except TypeError as e:
    print("TypeError:", e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x", 1], list[int], dict[str, int])

class Weird:
    def __contains__(self, x):
        return x
print(1 in Weird(), 0 in Weird(), "" in Weird(), [5] in Weird(), 0 not in Weird())

class Matrix:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, pos, v):
        r, c = pos
        self.cells[r, c] = v
    def __getitem__(self, pos):
        return self.cells.get(pos, 0)
    def __delitem__(self, pos):
        del self.cells[pos]
m = Matrix()
m[0, 0] = 1
m[1, 2] = 5
del m[0, 0]
print(m[1, 2], m[0, 0], m.cells)
try:
    del m[9, 9]
except KeyError as e:
    print("KeyError:", e)
