# slice objects and __getitem__ receiving them.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), repr(slice(1, 2)))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(0, 100, 3).indices(7))
data = list(range(12))
print(data[s], data[slice(None, None, -3)], "abcdef"[slice(2, None)])
class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", key)
        return ("index", key)
q = Seq()
print(q[1], q[1:2], q[::3], q[:], q[1:2, 3], q[..., 1], q[-1])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
print(Ellipsis, ..., type(...).__name__, ... is Ellipsis)
