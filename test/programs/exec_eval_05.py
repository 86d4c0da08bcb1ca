# exec/eval namespaces: mappings as locals, class bodies, closures, generators, builtins
class Recorder:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]
    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]

r = Recorder()
exec("a = 1\nb = a + len('xy')\ndel a\n", {}, r)
print(r.data, r.log)
r2 = Recorder()
r2.data["k"] = 10
print(eval("k * 2 + abs(-1)", {}, r2), r2.log)
try:
    eval("missing", {}, Recorder())
except NameError as e:
    print("NameError:", e)

# class bodies and methods inside exec
ns = {}
exec('''
class Base:
    tag = "base"
    def who(self):
        return type(self).__name__ + ":" + self.tag
class Child(Base):
    tag = "child"
    def who(self):
        return "child says " + super().who()
result = [Base().who(), Child().who()]
''', ns)
print(ns["result"], ns["Child"].__mro__[1].__name__)

# a closure passed to exec
def make(n):
    def body():
        return n
    return body
fn = make(99)
g = {}
exec(fn.__code__, g, closure=fn.__closure__)
print("closure exec ran")

def cell_writer():
    total = 0
    def add():
        nonlocal total
        total += 5
        print("total now", total)
    return add
w = cell_writer()
exec(w.__code__, {"print": print}, closure=w.__closure__)
exec(w.__code__, {"print": print}, closure=w.__closure__)

# generator and coroutine code objects
def gen():
    yield 1
    yield 2
made = eval(gen.__code__, {})
print(type(made).__name__, list(made))
def needs_arg(x):
    return x
try:
    eval(needs_arg.__code__, {})
except TypeError as e:
    print("TypeError:", e)
def no_args():
    return "plain function code"
print(eval(no_args.__code__, {}))

# builtins lookups
print(eval("len('abc')", {"__builtins__": {"len": lambda s: "custom"}}))
import builtins
print(eval("abs(-3)", {"__builtins__": builtins}))
g = {"__builtins__": {"print": print}}
exec("def f():\n    return len\n", g)
try:
    g["f"]()
except NameError as e:
    print("NameError:", e)
try:
    exec("print(len('x'))", {"__builtins__": {"print": print}})
except NameError as e:
    print("NameError:", e)

# recursion through exec'd functions, and exceptions crossing exec
space = {}
exec("def down(n):\n    if n == 0:\n        raise ValueError('bottom')\n    return down(n - 1)\n", space)
try:
    space["down"](50)
except ValueError as e:
    print("ValueError:", e)
try:
    exec("raise KeyError('from exec')")
except KeyError as e:
    print("KeyError:", e)
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# exec inside a method sees the method's locals as a snapshot
class K:
    def m(self, v):
        exec("v = v + 1\nprint('inside', v)")
        return v
print(K().m(1))

# annotations and __annotations__ in exec'd module code
ann = {}
exec("x: int = 3\ny: 'str'\n", ann)
print(ann["__annotations__"], ann["x"])

# match and comprehensions in eval/exec
out = {}
exec('''
def kind(v):
    match v:
        case [x, y]: return f"pair {x},{y}"
        case {"k": val}: return f"map {val}"
        case int() | float() as n if n > 0: return "positive"
        case _: return "other"
res = [kind(v) for v in ([1, 2], {"k": 3}, 4.5, -1)]
''', out)
print(out["res"])
print(eval("{x for x in 'abca'} == set('abc')"))
