# Calls with * and ** unpacking: many sources, generators, dict subclasses, and the TypeError messages.
def show(*args, **kwargs):
    return args, kwargs

def gen():
    yield 1
    yield 2

print(show(*gen(), *range(3, 5), *{7: 0}, *"xy"))
print(show(**dict(a=1), **{"b": 2}, c=3, **dict.fromkeys("de", 0)))
print(show(*(), **{}))

class Keys:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()

print(show(**Keys()))
print({**Keys()}, [*"abc", *[1, 2]], (*range(2),), {*"aab", *"bc"} == {"a", "b", "c"})

def two(a, b):
    return a - b

for text, thunk in [
    ("two(*1)", lambda: two(*1)),
    ("two(**1)", lambda: two(**1)),
    ("two(**[1])", lambda: two(**[1])),
    ("two(1, **{'a': 2})", lambda: two(1, **{"a": 2})),
    ("two(*[1, 2, 3])", lambda: two(*[1, 2, 3])),
    ("two(**{'a': 1, 'b': 2, 'c': 3})", lambda: two(**{"a": 1, "b": 2, "c": 3})),
    ("show(**{'a': 1}, a=2)", lambda: show(**{"a": 1}, a=2)),
    ("show(a=1, **{'a': 2})", lambda: show(a=1, **{"a": 2})),
    ("show(**{2: 3})", lambda: show(**{2: 3})),
    ("show(*None)", lambda: show(*None)),
]:
    try:
        print(text, thunk())
    except TypeError as e:
        print(text, "TypeError:", e)

def star_only(*args):
    return len(args), type(args).__name__

def kw_only(**kwargs):
    return sorted(kwargs.items()), type(kwargs).__name__

print(star_only(), star_only(*range(100))[0], kw_only(), kw_only(z=1, a=2))
args = [1, 2]
kwargs = {"sep": "-"}
print(*args, **kwargs)
def passthrough(*a, **k):
    return two(*a, **k)
print(passthrough(5, 3), passthrough(b=3, a=5), passthrough(5, b=3))
