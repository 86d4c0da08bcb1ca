# List/dict/set comprehensions: nesting, conditions, scoping, expressions with side effects.
print([x * 2 for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)], [[i * j for j in range(4)] for i in range(3)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0], [[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2], sum([v for row in matrix for v in row]))
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2}, {v: k for k, v in {"x": 1, "y": 2}.items()})
print({x % 5 for x in range(100)}, {(x, -x) for x in range(3)} == {(0, 0), (1, -1), (2, -2)})
print(["even" if x % 2 == 0 else "odd" for x in range(4)], [y for x in [[1], [2, 3], []] for y in x])
x = "outer x"
squares = [x * x for x in range(4)]
print(x, squares)
print([len(word) for word in "the quick brown fox".split() if len(word) > 3])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([[c for c in w] for w in ["ab", "cd"]], [(lambda n=n: n)() for n in range(3)])
class K:
    base = 10
    vals = [base + i for i in range(1)] if False else None
    vals2 = [i * 2 for i in range(3)]
print(K.vals, K.vals2)
try:
    class K2:
        base = 10
        vals = [base + i for i in range(3)]
except NameError as e:
    print("NameError", e)
print([i for i in range(3) for i in range(i, i + 1)], {i: [j for j in range(i)] for i in range(4)})
print([(yield_ := v) for v in range(2)], yield_ if False else "walrus-in-comp-ok")
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
