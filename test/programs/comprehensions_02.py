# Comprehensions with walrus, nested functions inside, comprehensions over generators and dict views.
data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6], y)
running = 0
print([running := running + v for v in data], running)
def outer():
    total = 10
    return [total + v for v in range(3)], {total: v for v in range(2)}
print(outer())
words = ["apple", "Bob", "civic", "deed", "eve", "Hannah", "python"]
print([w for w in words if w.lower() == w.lower()[::-1]])
inventory = {"apples": 5, "pears": 0, "plums": 12}
print({k: v * 2 for k, v in inventory.items() if v}, [k for k in inventory if inventory[k] > 3])
print([[1 if r == c else 0 for c in range(3)] for r in range(3)])
gen = (i for i in range(5))
print([v for v in gen if v > 1], [v for v in gen])
print(sorted({len(w) for w in words}), {w[0].lower(): w for w in words})
pythagorean = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pythagorean)
text = "to be or not to be that is the question"
freq = {w: text.split().count(w) for w in text.split()}
print(freq, max(freq, key=freq.get))
