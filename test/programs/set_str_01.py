# Sets and dicts of str: iteration order follows str hashes, deterministic with PYTHONHASHSEED=0.
fruits = {"apple", "banana", "cherry", "date", "elderberry", "fig"}
print(fruits)
print(list(fruits))
print(set("abracadabra"))
print(frozenset(["x", "y", "z"]))
words = "the quick brown fox jumps over the lazy dog".split()
print(set(words))
s = set()
for w in ["kiwi", "lime", "mango", "kiwi", "nectarine"]:
    s.add(w)
print(s, len(s))
print({c.upper() for c in "hello"})
print(fruits - {"apple"}, fruits & {"fig", "date", "zzz"})
print(hash("") == 0, {"a": 1, "b": 2} == {"b": 2, "a": 1})
