# exec, eval and compile of source: namespaces, results, code objects
x = 10
print(eval("x + 1"))
exec("y = x * 2")
print(y)

g = {"a": 3}
exec("b = a + 1\ndef f(n):\n    return n * b\n", g)
print(g["b"], g["f"](5), sorted(g), type(g["__builtins__"]).__name__)
print(g["f"].__globals__ is g, g["f"].__module__ if "__name__" in g else "no module")

print(eval("  \t 1+1"))
print(eval("(1,\n 2)"))
print(eval(b"3 * 4"), eval(bytearray(b"'ab' * 2")))

code = compile("1 + 2", "<s>", "eval")
print(type(code).__name__, code.co_name, code.co_filename, eval(code), eval(code))
mod = compile("z = 5\nprint('module code', z)\n", "made.py", "exec")
print(mod.co_name, mod.co_filename, mod.co_names, mod.co_consts)
exec(mod)
print(z)

ns = {}
exec(mod, ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["z"])

loc = {}
exec("q = 1\nr = q + 1", {}, loc)
print(loc)

def h():
    z = 5
    w = [1, 2]
    return eval("z * 2 + len(w)")
print(h())

def writes_local():
    v = 1
    exec("v = 2")
    return v, locals()["v"]
print(writes_local())

print(eval("[i * i for i in range(5)]"))
print(eval("{k: v for k, v in zip('abc', range(3))}"))
print(eval("(lambda a, b=2: a + b)(1)"))
print(eval("sum(i for i in range(10) if i % 2)"))

src = """
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"P({self.v!r})"
items = [P(i) for i in range(3)]
"""
space = {}
exec(src, space)
print(space["items"], space["P"].__module__ if "__name__" in space else space["P"].__qualname__)

nested = {}
exec("exec('inner = 41')\nouter = inner + 1", nested)
print(nested["inner"], nested["outer"])
print(eval("eval('1 + eval(\"2\")')"))

g2 = {}
print(eval("globals() is g2", {"g2": g2}), eval("locals() is g2", g2, {"g2": g2}), eval("globals()", g2) is g2)
print(exec("pass"), eval("None"))
fib_ns = {}
exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", fib_ns)
print(fib_ns["fib"](20))
print(eval("__name__"), eval("__name__", {}) if False else eval("__name__", {"__name__": "other"}))
try:
    eval("undefined_name", {"undefined_nam": 1})
except NameError as e:
    print("NameError:", e)
