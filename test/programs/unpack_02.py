# Starred unpacking: targets in every position, in for loops and with nested lists, display unpacking, and error messages.
a, *b, c = range(6)
print(a, b, c)
*a, b, c = "xyz"
print(a, b, c)
a, b, *c = (1, 2)
print(a, b, c)
[a, [b, *c], *d] = [1, [2, 3, 4], 5, 6]
print(a, b, c, d)
for first, *others in ["abc", "d", (1, 2)]:
    print(first, others)
((a, *b), *c), d = ((1, 2, 3), 4, 5), 6
print(a, b, c, d)
x = [1, 2]
y = (3, 4)
z = {5: "five"}
print([*x, *y, *z], (*x, *y), {*x, *y}, [*"ab", *range(2), *{}.keys()])
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {**d1, "a": 100}, {"a": 100, **d1}, {**{}, **{1: 1}})
print(*[1, 2], *"ab", sep="|")
def tail(*, head=None, **kw):
    return head, kw
print(tail(**{"head": 1, "x": 2}))
for src, label in [([1, 2, 3], "a, b = 3 items"), ([1], "a, b = 1 item"), ([], "a, b = empty"), (7, "a, b = int"),
                   ("abc", "a, b = 'abc'")]:
    try:
        a, b = src
        print(label, "ok", a, b)
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
for src in [[1], [], (1,), "a"]:
    try:
        a, b, *c = src
        print("a, b, *c ok", a, b, c)
    except ValueError as e:
        print("a, b, *c ValueError:", e)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = {"only": 1}
except ValueError as e:
    print("ValueError:", e)
try:
    [*None]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = (i for i in range(5))
except ValueError as e:
    print("ValueError:", e)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
try:
    a, b = infinite()
except ValueError as e:
    print("ValueError:", e)
first, *_, last = infinite.__name__
print(first, last)
k, v = max({"a": 3, "b": 7}.items(), key=lambda kv: kv[1])
print(k, v)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
i = 0
items = [10, 20]
i, items[i] = 1, 99
print(i, items)
