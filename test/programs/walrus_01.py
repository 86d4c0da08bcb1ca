# Assignment expressions (:=) in if/while/comprehensions/calls.
data = [5, 12, 3, 20, 8]
if (n := len(data)) > 3:
    print(f"list has {n} items")
chunks = iter(["ab", "cd", "", "ef"])
while (chunk := next(chunks)):
    print("chunk", chunk)
print([(x, sq) for x in data if (sq := x * x) > 50], sq)
values = [y := 10, y ** 2, y + 1]
print(values, y)
def f(v):
    return v * 3
print(f(k := 4), k)
print((total := sum(data)) / len(data), total)
matches = [m for s in ["a1", "b", "c22"] if (m := "".join(ch for ch in s if ch.isdigit()))]
print(matches)
count = 0
def bump():
    global count
    return (count := count + 1)
print(bump(), bump(), count)
fib = [a := 0, b := 1] + [(b := a + b, a := b - a)[0] for _ in range(8)]
print(fib)
if any((hit := v) > 15 for v in data):
    print("first over 15:", hit)
