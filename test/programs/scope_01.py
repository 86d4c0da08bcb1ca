# Name resolution (LEGB): builtins shadowed at module and function level, class scopes skipped by methods, nested functions and loops.
print(len("abc"), max(1, 2))
def shadow_builtin():
    len = lambda x: "local len"
    return len("abc")
print(shadow_builtin(), len("abc"))
max = lambda *a: "global max"
def uses_global_max():
    return max(1, 2)
print(uses_global_max())
del max
print(uses_global_max())
x = "global"
class C:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    def via_class(self):
        return C.x
    z = [x for _ in range(1)]
print(C.y, C().method(), C().via_class(), C.z)
def outer():
    x = "enclosing"
    class Inner:
        x = "inner class"
        def m(self):
            return x
        seen = x
    return Inner().m(), Inner.seen
print(outer())
def loops():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    i = 100
    return [f() for f in fns]
print(loops())
def conditional_local(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(conditional_local(True), conditional_local(False))
def global_in_nested():
    def inner():
        global x
        x = "changed by inner"
    inner()
    return x
print(global_in_nested(), x)
def nonlocal_shadow():
    v = "outer"
    def mid():
        v = "mid"
        def inner():
            nonlocal v
            v = "set by inner"
        inner()
        return v
    return mid(), v
print(nonlocal_shadow())
import sys as system_module
def uses_import():
    import math as m
    return m.floor(2.5), system_module.maxsize > 0
print(uses_import(), "m" in globals(), "system_module" in globals())
def del_then_builtin():
    print = "shadow"
    del print
    try:
        return print
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(del_then_builtin())
def lambda_default_scope():
    k = 10
    return (lambda k=k * 2: k)(), (lambda: k)()
print(lambda_default_scope())
