# __call__, callable(), objects used as functions and as keys/comparators.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(5), callable(print), callable(lambda: 0))
print(list(map(Adder(100), [1, 2, 3])), sorted([3, -1, 2], key=Adder(0)))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
for _ in range(4):
    c()
print(c.calls, c())
five = 5
try:
    five()
except TypeError as e:
    print("TypeError", e)
text = "str"
try:
    text()
except TypeError as e:
    print("TypeError", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class Made(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(Made(7).v)
