# Iteration protocols: old-style __getitem__ sequences, iter() errors, __iter__ returning non-iterators, `in` fallbacks, StopIteration.
class Squares:
    def __getitem__(self, i):
        print("  getitem", i)
        if i >= 3:
            raise IndexError("done")
        return i * i
print(list(Squares()))
print(4 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), list(it))

class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsWithStopIteration()))
class KeyErrorSeq:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorSeq())
except KeyError as e:
    print("KeyError:", e)

class ReturnsInt:
    def __iter__(self):
        return 42
class ReturnsList:
    def __iter__(self):
        return [1, 2]
class NextOnly:
    def __next__(self):
        return 1
class IterNone:
    __iter__ = None
    def __getitem__(self, i):
        return i
for obj in [ReturnsInt(), ReturnsList(), NextOnly(), IterNone(), 3.5, None]:
    try:
        iter(obj)
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
try:
    for x in ReturnsList():
        pass
except TypeError as e:
    print("for TypeError:", e)
try:
    a, b = NextOnly()
except TypeError as e:
    print("unpack TypeError:", e)

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration("ignored value")
        self.i += 1
        return self.i
c = Counter(3)
print(list(c), list(c), next(c, "default"), iter(c) is c)
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.args, e.value)

class Contains:
    def __contains__(self, x):
        return x == "yes"
    def __iter__(self):
        return iter(["no"])
print("yes" in Contains(), "no" in Contains(), "no" not in Contains())
class IterOnly:
    def __iter__(self):
        yield from "abc"
print("b" in IterOnly(), "z" in IterOnly(), sorted(IterOnly(), reverse=True), "-".join(IterOnly()))
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    "a" in [1, 2] or 1 in "abc"
except TypeError as e:
    print("TypeError:", e)
class Infinite:
    def __getitem__(self, i):
        return i
for x in Infinite():
    if x > 4:
        break
print("stopped at", x, 3 in Infinite())
print(list(zip(Squares(), "ab")))
