# len, abs, min, max, sum with keys/defaults/start values.
print(len("hello"), len([1, 2]), len(()), len({"a": 1}), len(range(3, 10, 2)), len(set("aab")))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-10 ** 30))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max([1, 5], [1, 7]), min((2, "z"), (2, "a")))
print(min([], default="empty"), max([], default=None), min([3, -4, 2], key=abs), max(["aa", "b", "ccc"], key=len))
print(max([1, 3, 3.0, 2]), max([3.0, 3, 1]), min(["b", "a", "A"], key=str.lower), max({"x": 1, "y": 9}, key=lambda k: -ord(k)))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([]), sum([True, True]))
print(sum([1, 2.5]), sum(((1, 2), (3,)), ()), sum(x * x for x in range(10)), sum([1e100, 1, -1e100]))
for bad in [lambda: min(), lambda: max(5), lambda: sum(["a"], ""), lambda: min([1, "a"]), lambda: max(1, 2, key=5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
