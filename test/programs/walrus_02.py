# Assignment expressions: scope of := inside comprehensions (binds in the enclosing function), in while/any, in lambdas and guards.
def enclosing():
    [last := v for v in range(4)]
    total = 0
    partial = [total := total + v for v in range(5)]
    return last, total, partial
print(enclosing())

def first_match(items, pred):
    if any((hit := x) and pred(x) for x in items):
        return hit
    return None
print(first_match([1, 4, 9, 16], lambda v: v > 5), first_match([1], lambda v: False))

data = iter([3, 0, 5, 0, 8])
found = []
while (v := next(data, None)) is not None:
    if not v:
        continue
    found.append(v)
print(found, v)

numbers = [2, 7, 12, 5]
print([y for x in numbers if (y := x * x) > 30], y)
print({(m := n % 3): n for n in range(7)}, m)
print((z := 5) + z, z)
f = lambda q: (w := q + 1) * w
print(f(3))
class C:
    attr = (tmp := 10) * 2
print(C.attr, C.tmp)
def nested():
    def inner():
        [cnt := i for i in range(3)]
        return cnt
    return inner()
print(nested())
if (length := len("walrus")) > 5 and (half := length // 2):
    print(length, half)
values = [1, 2, 3, 4]
print(sum(val for v in values if (val := v * 10) > 15), val)
def gen():
    while (chunk := (yield)) != "stop":
        print("  got", chunk)
    return "stopped"
g = gen()
next(g)
g.send("a")
g.send("b")
try:
    g.send("stop")
except StopIteration as e:
    print(e.value)
print([(a := i, b := a * 2) for i in range(3)], a, b)
match (n := 42):
    case 42:
        print("matched walrus subject", n)
