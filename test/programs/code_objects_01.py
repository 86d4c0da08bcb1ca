# Code objects: every co_* field for functions of different shapes (closure, generator, varargs, try/except, class body, lambda).
FIELDS = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags", "co_firstlineno",
          "co_varnames", "co_cellvars", "co_freevars", "co_names", "co_consts", "co_filename", "co_name", "co_qualname",
          "co_code", "co_linetable", "co_exceptiontable"]

def show(code):
    print("==", code.co_qualname)
    for name in FIELDS:
        value = getattr(code, name)
        if name == "co_consts":
            value = tuple(f"<code {c.co_name}>" if hasattr(c, "co_code") else c for c in value)
        print(f"  {name}: {value!r}")

def plain(a, b=2):
    c = a + b
    return c * 2

def outer(x, /, y, *args, z, **kw):
    total = x + y
    def inner(w):
        return total + w + x
    return inner

def gen(n):
    for i in range(n):
        yield i * i

def guarded(d, k):
    try:
        return d[k]
    except KeyError:
        return None
    finally:
        d.clear()

class Klass:
    attr = 1
    def method(self):
        return self.attr

lam = lambda q, *, r=1: q + r

for fn in [plain, outer, outer(1, 2, z=3), gen, guarded, Klass.method, lam]:
    show(fn.__code__)
print(type(plain.__code__).__name__, plain.__code__ == plain.__code__, plain.__code__ is not outer.__code__)
