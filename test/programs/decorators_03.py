# Decorators without functools: argument factories, stacking order, decorating classes and methods, returning non-functions.
order = []
def tag(name):
    order.append("factory " + name)
    def deco(fn):
        order.append("apply " + name)
        def wrapper(*a, **k):
            return f"<{name}>{fn(*a, **k)}</{name}>"
        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco

@tag("b")
@tag("i")
def hello(who):
    """Say hello."""
    return "hello " + who

print(order)
print(hello("you"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)

def register(registry):
    def deco(obj):
        registry[obj.__name__] = obj
        return obj
    return deco

REG = {}
@register(REG)
class Plugin:
    pass
@register(REG)
def helper():
    return 1
print(sorted(REG), REG["Plugin"] is Plugin)

def to_value(fn):
    return fn()

@to_value
def computed():
    return [1, 2, 3]
print(computed, type(computed).__name__)

def add_method(cls):
    cls.extra = lambda self: "extra on " + type(self).__name__
    return cls

@add_method
class Thing:
    pass
print(Thing().extra())

def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper

class Svc:
    @count_calls
    def ping(self, x):
        return x * 2
    @staticmethod
    @count_calls
    def st(x):
        return -x
s = Svc()
print(s.ping(1), s.ping(2), Svc.ping.calls, Svc.st(3), Svc.st.calls)

def retry(times):
    def deco(fn):
        def wrapper(*a):
            for attempt in range(1, times + 1):
                try:
                    return fn(attempt, *a)
                except ValueError as e:
                    print("  attempt", attempt, "failed:", e)
            return "gave up"
        return wrapper
    return deco

@retry(3)
def flaky(attempt, goal):
    if attempt < goal:
        raise ValueError(f"attempt {attempt} < {goal}")
    return f"ok on {attempt}"
print(flaky(2))
print(flaky(5))
decorator_list = [tag("x"), tag("y")]
@decorator_list[1]
def expr_deco():
    return "e"
print(expr_deco())
