# Comprehension scopes: own function scope, first iterable evaluated outside, class-body rules, nested loops order, closures.
x = "module"
print([x for x in "ab"], x)
print({x: x for x in range(2)}, {x for x in "aa"}, x)

def evaluated_once():
    calls = []
    def source():
        calls.append("source")
        return range(3)
    r = [i * j for i in source() for j in source()]
    return r, len(calls)
print(evaluated_once())

class Scope:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
    limit = 2
    try:
        filtered = [v for v in items if v > limit]
    except NameError as e:
        filtered = "NameError: " + str(e)
    pairs = [(a, b) for a in items for b in "xy" if a < 2]
print(Scope.doubled, Scope.filtered, Scope.pairs)

def closure_capture():
    fns = [lambda: n for n in range(3)]
    fixed = [(lambda n=n: n) for n in range(3)]
    return [f() for f in fns], [f() for f in fixed]
print(closure_capture())

def nested_order():
    log = []
    res = [(log.append(f"outer {a}"), [log.append(f"inner {a}{b}") or b for b in range(2)])[1] for a in "pq"]
    return res, log
print(nested_order())
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print([y for x in [[1, 2], [3], []] for y in x if y != 2 if y > 0])
print({k: [v for v in range(k)] for k in range(4) if k % 2})
print(sorted({(a, b) for a in range(3) for b in range(3) if a + b == 2}))
g = (i for i in range(3))
print([v for v in g], [v for v in g])
def uses_outer_var(k):
    return [k * i for i in range(k)]
print(uses_outer_var(3))
print([i for i in range(10)][::3], [c.upper() for c in "hello" if c not in "l"], [*(c * 2 for c in "ab")])
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print("NameError:", e)
try:
    [1 / v for v in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
matrix = [[1, 2], [3, 4], [5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in reversed(row)])
print({len(w): w for w in ["a", "bb", "cc", "d"]}, dict((w, len(w)) for w in "xy z".split()))
