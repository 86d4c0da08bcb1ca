# enumerate (start, big starts), zip (uneven, strict=True errors naming the argument), map with several iterables, filter(None).
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 5)), list(enumerate("xy", start=-1)), list(enumerate("a", 2 ** 70)))
e = enumerate(["p", "q"])
print(type(e).__name__, next(e), list(e), iter(e) is e)
for a, b in [(1, "x"), ("y", None)]:
    try:
        enumerate(a, b)
    except TypeError as err:
        print("TypeError:", err)
print(list(zip()), list(zip("ab")), list(zip("abc", range(10), [True, False])), list(zip(*[(1, 2), (3, 4), (5, 6)])), dict(zip("kv", [1, 2])))
print(list(zip("ab", "cd", strict=True)), list(zip(strict=True)), list(zip([], [], strict=True)))
for args in [("ab", "abc"), ("abc", "ab"), ("ab", "ab", "a"), ("a", "a", "abc"), ([1], [], [2])]:
    try:
        list(zip(*args, strict=True))
    except ValueError as err:
        print(args, "ValueError:", err)
consumed = iter(range(10))
print(list(zip(consumed, "ab")), next(consumed), list(zip("ab", consumed)), next(consumed))
try:
    zip(1, [])
except TypeError as err:
    print("TypeError:", err)
print(list(map(str.upper, "ab")), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")), list(map(len, [])))
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as err:
    print("ValueError:", err)
print(next(m))
for bad in [lambda: map(len), lambda: map(), lambda: list(map(5, [1])), lambda: map(len, 5)]:
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True])), list(filter(str.isdigit, "a1b2")), list(filter(lambda v: v % 2, range(7))))
f = filter(lambda v: v > 1, [3, 0, 2])
print(type(f).__name__, list(f), list(f))
print(list(zip(enumerate("ab"), map(ord, "ab"), filter(None, [0, 5, 6]))))
print(sum(i * v for i, v in enumerate([10, 20, 30], 1)), [i for i, c in enumerate("banana") if c == "a"], {c: i for i, c in enumerate("abca")})
