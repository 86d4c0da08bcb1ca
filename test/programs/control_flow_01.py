# for/else, while/else, break/continue, nested loops, pass, conditional expressions, ternary chains.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 10:
        break
    print("i", i)
else:
    print("while finished without break")
while True:
    i -= 1
    if i < 0:
        break
else:
    print("not printed")
print("i =", i)
for x in []:
    print("never")
else:
    print("empty for-else runs")
def find(items, target):
    for idx, it in enumerate(items):
        if it == target:
            result = idx
            break
    else:
        result = -1
    return result
print(find("abc", "c"), find("abc", "z"))
found = None
for a in range(1, 10):
    for b in range(a, 10):
        if a * b == 24 and a + b == 10:
            found = (a, b)
            break
    if found:
        break
print(found)
def grade(s):
    return "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
if 0:
    pass
elif []:
    pass
elif "x":
    print("elif chain")
else:
    pass
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
k = 0
for k in range(3):
    pass
print("loop var after loop", k)
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or [] or "last", not (1 and 0))
