# Sorting: list.sort and sorted with key functions, tuple keys, reverse, and objects compared
# through __lt__; plus a hand-written merge sort for comparison-heavy Python code. (Results are
# printed so that they do not depend on sort stability, which MicroPython lacks.)
N = 70000  # bench: quick=2000


class Rec:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score < other.score
        return self.name < other.name


def lcg(seed):
    while True:
        seed = (seed * 1664525 + 1013904223) & 0xFFFFFFFF
        yield seed


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


gen = lcg(42)
nums = [next(gen) % 100000 for _ in range(N)]
words = ["w%05d" % (next(gen) % 50000) for _ in range(N)]
recs = [Rec(words[i], nums[i] % 90, nums[(i * 7) % N] % 1000) for i in range(N)]

checks = []
s1 = sorted(nums)
checks.append(s1[N // 2])
s2 = sorted(words, key=lambda w: (w[-1], w), reverse=True)
checks.append(int(s2[N // 3][1:]))
s3 = sorted(recs, key=lambda r: (r.age, -r.score))
checks.append(s3[N // 4].score)
recs.sort()
checks.append(recs[N // 5].score)
checks.append(int(recs[N // 5].name[1:]))
pairs = list(zip(nums, range(N)))
pairs.sort(key=lambda p: p[0] % 100)
checks.append(pairs[N // 2][0] % 100)
s4 = merge_sort(nums[: N // 2])
checks.append(s4[N // 8])
print(" ".join(str(c) for c in checks), s4 == sorted(nums[: N // 2]))
