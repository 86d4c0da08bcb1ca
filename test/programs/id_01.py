# id() without printing addresses: stable for a live object, equal for aliases, distinct for coexisting objects, consistent with `is`.
a = [1, 2]
b = a
c = [1, 2]
print(type(id(a)).__name__, id(a) == id(a), id(a) == id(b), id(a) == id(c), a is b, a is c, a == c, id(a) > 0)
objs = [object() for _ in range(50)]
print(len({id(o) for o in objs}) == 50)
class K:
    pass
k = K()
before = id(k)
k.attr = "mutating does not move an object"
print(id(k) == before, id(K) == id(type(k)), id(None) == id(None), id(True) == id(1 == 1))
d = {}
d[id(a)] = "by identity"
print(d[id(b)], id(a) in d, id(c) in d)
def f():
    return None
print(id(f) == id(f), id(f.__code__) == id(f.__code__), id(len) == id(len), id(f()) == id(None))
s = "text"
t = s
print(id(s) == id(t), s is t, id(a[0]) == id(a[0]))
try:
    id()
except TypeError as e:
    print("TypeError:", e)
try:
    id(1, 2)
except TypeError as e:
    print("TypeError:", e)
