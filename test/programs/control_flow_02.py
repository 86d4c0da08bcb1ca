# Loop control: for/else and while/else with break/continue, nested loops with flags, loops over mutating containers, try inside loops.
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return (r, c)
    else:
        return None
m = [[1, 2], [3, 4], [5, 6]]
print(find(m, 4), find(m, 7), find([], 1))
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while completed without break, n =", n)
while True:
    n -= 1
    if n < 3:
        break
else:
    print("never")
print("n after break", n)
for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
for i in []:
    pass
else:
    print("for-else on empty loop runs too")
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
items = [1, 2, 3, 4]
for v in items:
    if v == 2:
        items.remove(v)
print(items)
data = list(range(6))
while data:
    v = data.pop()
    if v == 3:
        continue
    if v == 1:
        break
print(data)
results = []
for token in ["1", "x", "3", "", "5"]:
    try:
        if not token:
            break
        results.append(int(token))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a == b == c:
                continue
            if a + b + c > 4:
                break
            count += 1
print(count)
total = 0
i = 0
while (i := i + 1) <= 10:
    if i % 3 == 0:
        continue
    total += i
print(total, i)
x = 0
for x in range(5):
    if x == 3:
        break
print("loop variable after break:", x)
for ch in "abc":
    pass
print("loop variable after completion:", ch)
