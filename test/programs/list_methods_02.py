# Every list method with edge arguments, their error messages, list constructor forms, aliasing with *, comparisons, in-place ops.
a = [5, 3, 8]
a.append([1])
a.extend(range(2))
a.extend("xy")
a.extend(x * 10 for x in (1, 2))
print(a)
a.insert(-100, "front")
a.insert(100, "back")
a.insert(-1, "before back")
a.insert(2, "at 2")
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-3), a.pop(2), a)
for args in [(), (100,), (-100,)]:
    try:
        ([] if not args else [1]).pop(*args)
    except IndexError as e:
        print("pop", args, "IndexError:", e)
try:
    [].pop("0")
except TypeError as e:
    print("TypeError:", e)
b = [1, 2, 3, 2, 1, 2]
print(b.index(2), b.index(2, 2), b.index(2, -2), b.index(1, 1, 5), b.count(2), b.count("2"), b.count([]))
for args in [(4,), (3, 3), (1, 1, 4), ("1",)]:
    try:
        b.index(*args)
    except ValueError as e:
        print("index", args, "ValueError:", e)
b.remove(2)
print(b)
try:
    b.remove(99)
except ValueError as e:
    print("ValueError:", e)
c = b.copy()
c.reverse()
print(b, c, c.clear(), c, b.copy() is not b)
d = [[0]] * 3
d[0].append(1)
e = [[0] for _ in range(3)]
e[0].append(1)
print(d, e, d[0] is d[1], e[0] is e[1])
f = [1, 2]
g = f
f += [3]
h = f
f = f + [4]
print(g, h, f, g is h, f is g)
f *= 0
print(f, [1, 2] * -1, [None] * 3, [1, 2] * True)
print(list(), list("abc"), list((1, 2)), list({"k": 1, "j": 2}), list({3: 0}.values()), list(range(3, 0, -1)), list(map(str, [1, 2])))
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    list([1], [2])
except TypeError as e:
    print("TypeError:", e)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [[]], [[1]] > [[0, 9]], [1, "a"] == [1, "a"], [1.0] == [1], [float("nan")] == [float("nan")])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(cmp=None)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2][5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del [1][3]
except IndexError as e:
    print("IndexError:", e)
try:
    key = "0"
    [1][key]
except TypeError as e:
    print("TypeError:", e)
nums = list(range(10))
del nums[2], nums[-1]
print(nums, nums.__len__(), nums.__contains__(5), nums.__getitem__(-1), len([[]]), [0] * 0)
print(sum([[1], [2, 3]], []), sorted([[2], [1, 5], [1]]), max([[1, 2], [3]]), [1, 2, 3][-1:-4:-1], [x for x in reversed([1, 2, 3])])
