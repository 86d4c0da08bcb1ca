# The types module: builtin types by name, SimpleNamespace, FunctionType/MethodType/ModuleType construction, code.replace().
import types
print(types.FunctionType, types.CodeType, types.GeneratorType, types.CoroutineType, types.MethodType)
print(types.BuiltinFunctionType, types.ModuleType, types.NoneType, types.CellType, types.SimpleNamespace)
def gen():
    yield
async def co():
    pass
c = co()
print(isinstance(gen(), types.GeneratorType), isinstance(c, types.CoroutineType), isinstance(len, types.BuiltinFunctionType))
c.close()
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [3]
del ns.a
print(ns, ns.b, ns == types.SimpleNamespace(b="x", c=[3]), ns != types.SimpleNamespace(), vars(ns))
print(types.SimpleNamespace())
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)

def make(k):
    def add(x, y=10):
        "adds k"
        return x + y + k
    return add
add = make(1)
f = types.FunctionType(add.__code__, globals(), "renamed", (100,), add.__closure__)
print(f(1), f.__name__, f.__qualname__, f.__doc__, f.__defaults__, add.__name__)
for bad in [(1, {}), (add.__code__, 1), (add.__code__, {}), (add.__code__, {}, 5)]:
    try:
        types.FunctionType(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
m = types.MethodType(lambda self, z: (self, z), "obj")
print(m(2), m.__self__)
try:
    types.MethodType(1, 2)
except TypeError as e:
    print("TypeError:", e)
mod = types.ModuleType("made", "doc text")
mod.x = 5
print(mod.__name__, mod.__doc__, mod.x, sorted(vars(mod)))

code = add.__code__
r = code.replace(co_name="other", co_firstlineno=7, co_consts=code.co_consts)
print(r.co_name, r.co_firstlineno, code.co_name, r is code, r.co_varnames, r.co_freevars)
g = types.FunctionType(make(2).__code__.replace(co_consts=("adds k",)), globals(), None, None, make(2).__closure__)
print(g(1, 2), g.__name__)
for kw in [dict(co_name=1), dict(co_argcount="x"), dict(bogus=1), dict(co_consts=[1]), dict(co_nlocals=9)]:
    try:
        code.replace(**kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    code.co_name = "x"
except AttributeError as e:
    print("AttributeError:", e)
