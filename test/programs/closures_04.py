# Closures in classes and generators: the implicit __class__ cell used by super(), closures over loop variables in methods, counters.
class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        return "child+" + super().greet()
    def cls_cell(self):
        return __class__.__name__
print(Child().greet(), Child().cls_cell(), Child.greet.__code__.co_freevars, Child.cls_cell.__code__.co_freevars)
Alias = Child
class Child(Base):
    def greet(self):
        return "rebound"
print(Alias().greet(), Alias().cls_cell(), Child().greet())
class Registry:
    def __init__(self):
        self.handlers = {}
    def make(self, names):
        for name in names:
            def handler(msg, name=name):
                return f"{name}:{msg}"
            self.handlers[name] = handler
        late = [lambda: name for name in names]
        return [f() for f in late]
r = Registry()
print(r.make(["a", "b", "c"]), [h("hi") for h in r.handlers.values()])
def counter_factory():
    count = 0
    def gen():
        nonlocal count
        while True:
            count += 1
            yield count
    def peek():
        return count
    return gen(), peek
g, peek = counter_factory()
print(next(g), next(g), peek(), next(g), peek())
def shared_cells():
    items = []
    def add(x):
        items.append(x)
    def get():
        return tuple(items)
    def reset():
        nonlocal items
        items = []
    return add, get, reset
add, get, reset = shared_cells()
add(1)
add(2)
before = get()
reset()
add(3)
print(before, get(), add.__closure__[0] is get.__closure__[0])
def make_acc():
    total = 0
    class Acc:
        def add(self, n):
            nonlocal total
            total += n
            return total
    return Acc()
acc = make_acc()
print(acc.add(5), acc.add(10), type(acc).add.__code__.co_freevars)
def compose_all(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
print(compose_all(str, lambda v: v * 2, abs)(-21), compose_all()(7))
def cell_in_comprehension_and_lambda():
    base = 3
    fns = [lambda x, i=i: x * base + i for i in range(3)]
    base = 10
    return [f(1) for f in fns]
print(cell_in_comprehension_and_lambda())
