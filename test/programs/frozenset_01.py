# frozenset: hashable, immutable, usable as dict keys and set elements.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, f | {9}, f & {1, 5}, f - {1}, f ^ {1, 7}, type(f | {9}).__name__, type({9} | f).__name__)
print(frozenset(), frozenset() == set(), hash(frozenset()) == hash(frozenset([])), frozenset([1]) == {1})
d = {frozenset([1, 2]): "a", frozenset([2, 1]): "b"}
print(d, len(d))
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested), frozenset([1]) in nested)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
print(f.union([4]), f.issubset({1, 2, 3, 4}), f.copy() is f, sorted(f, reverse=True), frozenset(range(5)))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
