# Augmented assignment: targets evaluated once (subscripts, attributes), in-place vs rebinding for mutable/immutable types, all operators.
log = []
class Box:
    def __init__(self):
        self.v = 10
    def __getattribute__(self, name):
        if name == "v":
            log.append("get v")
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        log.append(f"set {name}={value}")
        object.__setattr__(self, name, value)
b = Box()
log.clear()
b.v += 5
print(b.v, log)
calls = []
def idx(i):
    calls.append(i)
    return i
data = [1, 2, 3]
data[idx(1)] += 10
data[idx(0):idx(2)] *= 2
print(data, calls)
d = {"k": [1]}
d["k"] += [2]
d.setdefault("n", 0)
d["n"] -= 1
print(d)
x = 7
x += 3; x -= 1; x *= 4; x //= 3; x %= 7; x **= 3; x <<= 2; x >>= 1; x &= 0xFF; x |= 0x100; x ^= 0x0F
print(x)
f = 10.0
f /= 4; f += 0.25; f **= 2; f //= 1; f %= 5
print(f)
s = "ab"
s2 = s
s += "c"
s *= 2
print(s, s2, s is s2)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
st = {1, 2}
salias = st
st |= {3}
st &= {2, 3}
st -= {2}
st ^= {9}
print(st, salias is st)
fs = frozenset({1})
fsalias = fs
fs |= {2}
print(fs, fsalias, fs is fsalias)
class Vec:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  __add__")
        return Vec(self.v + o)
v = Vec(1)
v0 = v
v += 1
print(v.v, v is v0)
nested = [[0, 0], [0, 0]]
nested[1][0] += 5
nested[-1][-1] -= 5
print(nested)
try:
    undefined_target += 1
except NameError as e:
    print("NameError:", e)
def local_aug():
    try:
        count += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
local_aug()
try:
    tup = (1, [2])
    tup[1] += [3]
except TypeError as e:
    print("TypeError:", e, tup)
