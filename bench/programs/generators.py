# Generators: a lazy pipeline of generator functions, generator expressions, yield from and send.
N = 800000  # bench: quick=20000


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def collatz_len(x):
    steps = 0
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    return steps


def only(pred, it):
    for x in it:
        if pred(x):
            yield x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]  # not pop(0): MicroPython's shrinking pop(0) goes quadratic here


def chain(*its):
    for it in its:
        yield from it


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


odd = only(lambda x: x % 3 != 0, numbers(N))
sums = (a + b + c for a, b, c in windows(odd, 3))
big = sum(1 for s in sums if s % 7 == 0)

lengths = (collatz_len(x) for x in chain(range(1, N // 20), numbers(N // 40)) if x > 0)
longest = max(lengths)

avg = averager()
next(avg)
last = 0
for x in only(lambda v: v & 1, numbers(N // 2)):
    last = avg.send(x)

squares = sum(x * x for x in range(N) if x % 5 == 1)
print("windows divisible by 7: %d" % big)
print("longest collatz chain below %d: %d" % (N // 20, longest))
print("running average: %d, squares: %d" % (last, squares))
