# Exceptions: raise and catch in loops, custom exception classes, finally blocks, re-raise,
# handlers chosen by class, and exceptions crossing several frames.
N = 600000  # bench: quick=4000


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    if key in table:
        return table[key]
    raise NotFound(key)


def parse(text):
    if not text or not text.isdigit():
        raise Invalid("bad number: " + text)
    return int(text)


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)


def step(i, table, stats):
    try:
        try:
            v = lookup(table, i % 13)
            return parse(v) if i % 5 else parse(v + "x")
        finally:
            stats[0] += 1
    except NotFound as e:
        stats[1] += e.key
        return -1
    except Invalid:
        stats[2] += 1
        return -2


table = {}
for k in range(10):
    table[k] = str(k * 7)
stats = [0, 0, 0]
total = 0
for i in range(N):
    total += step(i, table, stats)

caught = 0
for i in range(N // 10):
    try:
        deep(i % 20)
    except ValueError:
        caught += 1

reraised = 0
for i in range(N // 4):
    try:
        try:
            1 // (i % 3)
        except ZeroDivisionError:
            raise
    except ArithmeticError:
        reraised += 1
    try:
        [][i]
    except (KeyError, IndexError):
        reraised += 1

print("total=%d finally=%d notfound=%d invalid=%d" % (total, stats[0], stats[1], stats[2]))
print("deep=%d reraised=%d" % (caught, reraised))
