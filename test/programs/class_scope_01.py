# Scoping rules: class bodies do not enclose methods, comprehensions in class bodies, name lookup order.
x = "module"
class C:
    x = "class"
    y = x
    def method(self):
        return x
    lam = lambda self: x
    items = [x for _ in range(1)]
print(C.y, C().method(), C().lam(), C.items)
def f():
    x = "function"
    class D:
        z = x
        def get(self):
            return x
    return D
D = f()
print(D.z, D().get())
def g():
    x = "enclosing"
    class E:
        x = "class E"
        def get(self):
            return x
        w = x
    return E
E = g()
print(E().get(), E.w, E.x)
def h():
    class F:
        nonlocal_test = 1
        def inc(self):
            return __class__
    return F
F = h()
print(F().inc() is F, F.__name__)
class G:
    def who(self):
        return __class__.__name__
class H(G):
    pass
print(H().who())
counter = 0
class Counted:
    global counter
    counter += 1
print(counter)
