# slice objects: indices() for many shapes, slicing str/tuple/range/bytes with negative steps, hashing, comparisons, errors.
shapes = [slice(None), slice(2, None), slice(None, -2), slice(None, None, -1), slice(-1, -10, -2), slice(100, -100, -7),
          slice(3, 3), slice(-3, None, 2), slice(None, None, 3), slice(5, 1, -1), slice(0, 0, -1)]
for s in shapes:
    print(s, [s.indices(n) for n in (0, 1, 5, 10)])
s = "abcdefghij"
t = tuple(range(10))
b = b"0123456789"
r = range(10, 30, 2)
for sl in [slice(None, None, -1), slice(-2, 2, -2), slice(1, None, 4), slice(8, None, -3), slice(-100, 100, 5)]:
    print(sl, s[sl], t[sl], b[sl], r[sl], list(r[sl]))
print(slice(1, 2, 3) == slice(1, 2, 3), slice(1, 2) != slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(0, 5) > slice(0, 4, 9))
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError:", e)
for bad in [slice(0, 1, 0)]:
    for seq in ["abc", [1, 2], (1,), range(3), b"x"]:
        try:
            seq[bad]
        except ValueError as e:
            print(type(seq).__name__, "ValueError:", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"["a":"b"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2][1.0:]
except TypeError as e:
    print("TypeError:", e)
class Index:
    def __index__(self):
        return 2
print("abcdef"[Index():], [0, 1, 2, 3][:Index()], slice(Index()).indices(10), "abcdef"[True:], "abcdef"[::Index()])
print(slice("a", [1], {}), slice(1.5, 2.5).start, type(slice(1)).__name__, repr(slice(-1, None, -1)))
big = 10 ** 30
print("abc"[-big:big], "abc"[big:], [1, 2, 3][::-big], slice(-big, big).indices(4), range(5)[::big])
print(s[::-1][::-1] == s, s[len(s):0:-1], s[:-len(s) - 1:-1], t[-1:-11:-1][:3])
print(slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step, slice(None).start)
