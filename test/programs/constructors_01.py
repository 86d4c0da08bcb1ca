# Builtin constructors: no-argument forms, copies, conversions between containers, keyword forms, and their TypeErrors.
print(bool(), int(), float(), str(), list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray(), object().__class__.__name__)
src = [3, 1, 3, 2]
print(list(src), tuple(src), set(src), frozenset(src), dict.fromkeys(src), sorted(src), list(reversed(src)))
print(list("héllo"), tuple(b"ab"), set("aab"), list({"x": 1}.items()), tuple(range(3)), dict([("a", 1)]), dict(x=1), str(["a"]))
l1 = [1, [2]]
l2 = list(l1)
l2[1].append(3)
print(l1, l2, l1 is l2, l1[1] is l2[1])
t1 = (1, 2)
print(tuple(t1) is t1, frozenset(frozenset([1])) == frozenset([1]), str("s") == "s")
print(int("12"), int(12.9), int(-0.5), int(True), float("1.5"), float(3), str(12), str(1.5), str(None), bool("0"), bool(0.0))
for fn, args, kw in [(int, (1, 2), {}), (float, (1, 2), {}), (str, (1, 2, 3, 4), {}), (list, (1,), {}), (tuple, (1, 2), {}),
                     (set, ([[1]],), {}), (frozenset, (1,), {}), (dict, (1,), {}), (bool, (), {"x": 1}), (list, (), {"x": 1}),
                     (tuple, (), {"iterable": [1]}), (int, (), {"x": "5"}), (object, (1,), {}), (str, (), {"bogus": 1})]:
    try:
        print(fn.__name__, fn(*args, **kw))
    except (TypeError, ValueError) as e:
        print(fn.__name__, args, kw, type(e).__name__ + ":", e)
print(int(x="11", base=2) if False else int("11", base=2), str(object="kw"), str(b"x", encoding="ascii"), list(iter("ab")), dict({"a": 1}, b=2))
o = object()
for action in [lambda: setattr(o, "x", 1), lambda: o.x, lambda: object.__new__(int), lambda: object.__init__(o, 1)]:
    try:
        print(action())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(object() != object(), object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1), o.__class__ is object, type(o.__hash__()).__name__)
print(isinstance(o, object), object.__name__, object.__doc__[:20], object.__bases__, object.__mro__, o.__dir__ is not None)
class MyList(list):
    pass
class MyDict(dict):
    pass
class MyStr(str):
    pass
ml, md, ms = MyList([1, 2]), MyDict(a=1), MyStr("s")
print(ml, md, ms, type(ml + [3]).__name__, type(ml[:]).__name__, type(md.copy()).__name__, type(ms + "t").__name__, type(ms.upper()).__name__)
print(list(ml) == ml, type(list(ml)).__name__, type(str(ms)).__name__, type(dict(md)).__name__, isinstance(ml, list))
