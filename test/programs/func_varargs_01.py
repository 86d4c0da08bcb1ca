# *args / **kwargs in definitions and calls, unpacking in calls.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

print(show())
print(show(1, 2, x=3))
print(show(*[1, 2], *(3,), *"ab"))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(0, *range(3), 9, *[], k=1, **{"z": 26}))

def add(a, b, c):
    return a + b + c

print(add(*[1, 2, 3]), add(1, *(2, 3)), add(**{"a": 1, "b": 2, "c": 3}), add(1, **{"c": 3, "b": 2}))
try:
    add(*[1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    add(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print("TypeError", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError", e)

def wrapper(*args, **kwargs):
    return add(*args, **kwargs)

print(wrapper(1, 2, c=3))

def collect(first, *rest, sep="-"):
    return sep.join(str(x) for x in (first,) + rest)

print(collect(1), collect(1, 2, 3), collect(*"xyz", sep="+"))
print(max(*[3, 9, 2]), min(4, *[8, 1]), print(*[], sep="|"), "after")
print(*["a", "b"], sep="")
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
