# iter()/next(): the two-argument sentinel form, next with defaults, iterator types of builtins, exhausted iterators, errors.
import sys
values = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(values), 0)), list(values))
count = [0]
def tick():
    count[0] += 1
    return count[0]
it = iter(tick, 4)
print(type(it).__name__, next(it), list(it), next(it, "done"), count)
lines = ["a", "b", "", "c"]
print(list(iter(lines.pop, "b")), lines)
class Sent:
    def __eq__(self, o):
        return o == 3
print(list(iter(iter([1, 2, 3, 4]).__next__, Sent())))
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
for obj in [[1], (1,), "s", b"b", {1: 2}, {1}, frozenset([1]), range(1), {}.keys(), {}.values(), {}.items(), bytearray(b"x"), reversed([1]), enumerate([]), zip(), map(str, []), filter(None, [])]:
    i = iter(obj)
    print(type(obj).__name__, type(i).__name__, iter(i) is i)
print(next(iter("xy")), next(iter([]), None), next(iter({}), "empty dict"), next(x for x in [7]), next(iter(range(5, 10)), -1))
for obj in [[1], 5, "s", None]:
    try:
        next(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args, e.value)
try:
    next()
except TypeError as e:
    print("TypeError:", e)
li = iter([1, 2, 3])
print(li.__length_hint__(), next(li), li.__length_hint__(), list(li), li.__length_hint__())
d = {"a": 1}
di = iter(d)
d["b"] = 2
try:
    next(di)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1}
si = iter(s)
s.add(2)
try:
    next(si)
except RuntimeError as e:
    print("RuntimeError:", e)
l = [1]
lit = iter(l)
l.append(2)
print(list(lit))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
cd = Countdown(3)
print(next(cd), list(cd), next(cd, "x"), list(zip(Countdown(2), Countdown(5))))
