# Generators consumed by for loops: break closes them (finally runs), nested loops over one generator, pipelines, re-iteration, zip/enumerate.
def numbers(n, log):
    try:
        for i in range(n):
            log.append(f"yield {i}")
            yield i
    finally:
        log.append("finally")
log = []
for v in numbers(10, log):
    if v == 2:
        break
print(log)
log = []
g = numbers(3, log)
for v in g:
    pass
for v in g:
    log.append("second loop never runs")
print(log)
log = []
g = numbers(6, log)
pairs = []
for a in g:
    for b in g:
        pairs.append((a, b))
        if b >= a + 2:
            break
print(pairs, log[-1])
def read_lines(text):
    for line in text.split("\n"):
        yield line
def strip_comments(lines):
    for line in lines:
        if not line.lstrip().startswith("#"):
            yield line
def non_empty(lines):
    return (l for l in lines if l.strip())
def numbered(lines):
    for i, l in enumerate(lines, 1):
        yield f"{i:02d}: {l}"
src = "a = 1\n# comment\n\nb = 2\n   # indented comment\nc = a + b\n"
for out in numbered(non_empty(strip_comments(read_lines(src)))):
    print(out)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, f in zip(range(10), fib()):
    pass
print(i, f, [f for _, f in zip(range(12), fib())])
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(take_while(lambda v: v < 100, fib())), sum(take_while(lambda v: v < 10 ** 6, fib())))
gen = (c.upper() for c in "abc")
print(list(enumerate(gen)), list(gen))
def tree(depth, prefix="r"):
    yield prefix
    if depth:
        for side in "LR":
            yield from tree(depth - 1, prefix + side)
print(list(tree(2)), len(list(tree(6))))
def accumulate(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(accumulate(range(1, 11))), max(accumulate([3, -5, 10, -2])), dict(zip("abc", accumulate([1, 1, 1]))))
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))
