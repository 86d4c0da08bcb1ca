# Iterator protocol: __iter__/__next__, StopIteration, iterating with for, __getitem__ fallback, __reversed__.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Countdown(5)), list(Fib(100)), sum(Fib(1000)), max(Countdown(3)))
f = Fib(10)
print(next(f), next(f), list(f), list(f), next(f, "exhausted"))
class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(OldSeq()), 9 in OldSeq(), 5 in OldSeq(), [x for x in OldSeq()])
it = iter(OldSeq())
print(type(it).__name__, next(it), next(it))
class Rev:
    def __init__(self, data):
        self.data = data
    def __reversed__(self):
        return iter(self.data[::-1] + ["(custom)"])
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
print(list(reversed(Rev([1, 2, 3]))))
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
a, b, *c = Countdown(5)
print(a, b, c, dict(zip(Countdown(3), "abc")), tuple(enumerate(Fib(5), 1)))
calls = iter(lambda: calls_list.pop(), 2)
calls_list = [1, 2, 3, 4]
print(list(calls))
