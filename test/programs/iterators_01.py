# Hand-written itertools-like helpers (the VM has no itertools): count, cycle, islice, groupby, product, permutations.
def count(start=0, step=1):
    while True:
        yield start
        start += step
def islice(it, n):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def cycle(seq):
    saved = list(seq)
    while saved:
        yield from saved
def groupby(seq, key=lambda x: x):
    out = []
    for item in seq:
        k = key(item)
        if out and out[-1][0] == k:
            out[-1][1].append(item)
        else:
            out.append((k, [item]))
    return out
def product(*pools):
    result = [[]]
    for pool in pools:
        result = [r + [p] for r in result for p in pool]
    return [tuple(r) for r in result]
def permutations(items, r=None):
    items = list(items)
    r = len(items) if r is None else r
    if r == 0:
        yield ()
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:], r - 1):
            yield (x,) + rest
def combinations(items, r):
    items = list(items)
    if r == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], r - 1):
            yield (items[i],) + rest
def accumulate(seq):
    total = 0
    for x in seq:
        total += x
        yield total
print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(islice([1, 2], 5)))
print(groupby("aaabccdd"), groupby([1, 3, 2, 4, 5], key=lambda n: n % 2))
print(product("ab", [1, 2]), len(product(range(3), range(3), range(3))))
print(list(permutations("abc")), list(permutations(range(4), 2))[:5])
print(list(combinations("abcd", 2)), list(accumulate(range(1, 6))))
def pairwise(seq):
    it = iter(seq)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur
print(list(pairwise([1, 4, 9, 16])), [b - a for a, b in pairwise([1, 4, 9, 16])])
def chunked(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]
print(chunked(list(range(10)), 3), chunked("abcdefg", 2))
