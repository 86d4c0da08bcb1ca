# Sets of strings under PYTHONHASHSEED=0: iteration order after adds/removes, set algebra results, pop order, dict vs set order.
colors = {"red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"}
print(colors)
print(sorted(colors) == sorted(list(colors)), list(colors)[:3])
warm = {"red", "orange", "yellow", "magenta"}
print(colors & warm, colors - warm, warm - colors, colors ^ warm)
print(colors | warm)
s = set("the quick brown fox")
print(s, len(s))
s.discard(" ")
s -= set("aeiou")
print(s)
popped = []
t = {"alpha", "beta", "gamma", "delta", "epsilon"}
while t:
    popped.append(t.pop())
print(popped)
u = set()
for word in "one two three four five six seven eight nine ten".split():
    u.add(word)
print(u)
for word in ["two", "four", "six"]:
    u.remove(word)
u.add("twenty")
print(u)
print(frozenset({"x", "yy", "zzz"}), {("a", 1), ("b", 2)}, {"", " ", "  "})
try:
    u.remove("missing word")
except KeyError as e:
    print("KeyError:", e)
d = dict.fromkeys(["pear", "plum", "fig"])
print(list(d), set(d), list(set(d)) == list(d))
print({c: None for c in "hello"}.keys(), set("hello"), "".join(sorted(set("mississippi"))))
print([hash(w) for w in ["", "a", "ab", "abc"]])
mixed = {"a", 1, "b", 2, (1, "a"), 3.5, frozenset("z")}
print(mixed)
