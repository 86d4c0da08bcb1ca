# Decorators built from classes, decorating methods, memoization and counting.
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)

@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.count, type(square).__name__)

def method_logger(fn):
    def wrapper(self, *args):
        print(f"calling {type(self).__name__}.{fn.__name__}{args}")
        return fn(self, *args)
    return wrapper

class Account:
    def __init__(self):
        self.balance = 0
    @method_logger
    def deposit(self, amount):
        self.balance += amount
        return self.balance
a = Account()
print(a.deposit(10), a.deposit(5))

def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for arg, t in zip(args, types):
                if not isinstance(arg, t):
                    raise TypeError(f"{fn.__name__}: expected {t.__name__}, got {type(arg).__name__}")
            return fn(*args)
        return wrapper
    return deco

@validate(int, str)
def describe(n, s):
    return s * n
print(describe(2, "ab"))
try:
    describe("2", "ab")
except TypeError as e:
    print("TypeError", e)

def lru(fn):
    cache = {}
    order = []
    def wrapper(n):
        if n in cache:
            return cache[n]
        v = fn(n)
        cache[n] = v
        order.append(n)
        if len(order) > 50:
            del cache[order.pop(0)]
        return v
    return wrapper
@lru
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print([ways(i) for i in range(15)], ways(40))
