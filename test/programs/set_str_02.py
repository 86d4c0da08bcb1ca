# Mixed set contents and set removal/reinsertion with str keys (deterministic under PYTHONHASHSEED=0).
s = {"alpha", "beta", "gamma", 1, 2, 3, (1, "x"), None}
print(s)
s.discard("beta")
s.add("delta")
s.add("beta")
print(s)
t = {str(i) for i in range(12)}
print(t)
print(sorted(t), sorted(t, key=int))
u = frozenset({"p", "q"}) | {"r"}
print(u, type(u).__name__)
print({frozenset({"a", "b"}), frozenset({"c"})})
d = {k: len(k) for k in {"one", "three", "five", "seven"}}
print(d)
