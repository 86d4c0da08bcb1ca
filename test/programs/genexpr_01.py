# Generator expressions: laziness, single pass, scoping of the first iterable, in function calls.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc".split()), any(x > 3 for x in [1, 5]), all(x for x in []))
evaluated = []
def src():
    for i in range(3):
        evaluated.append(i)
        yield i
lazy = (i * 10 for i in src())
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
pairs = ((a, b) for a in range(3) for b in range(3) if a < b)
print(list(pairs))
x = 10
gen = (x + i for i in range(3))
x = 20
print(list(gen))
it = iter([1, 2, 3])
ge = (v for v in it)
print(next(it), list(ge))
print(dict((k, len(k)) for k in ["a", "bb"]), set(c for c in "hello"), tuple(n for n in range(4) if n % 2))
print(" ".join(str(i) for i in range(5)), sorted((c for c in "zyx"), reverse=True))
nested = (list(range(i)) for i in range(4))
print(list(nested))
try:
    (1 / d for d in [1, 0])
    print("creating does not evaluate the body")
    list(1 / d for d in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    (y for y in 5)
except TypeError as e:
    print("TypeError raised at creation:", e)
