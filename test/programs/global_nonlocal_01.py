# global and nonlocal declarations; module-level name resolution, builtins shadowing.
x = "global x"
counter = 0

def read_global():
    return x

def write_global():
    global x, new_name
    x = "changed"
    new_name = "created in function"

def bump():
    global counter
    for _ in range(3):
        counter += 1
    return counter

print(read_global())
write_global()
print(x, new_name, bump(), bump(), counter)

def local_shadow():
    x = "local"
    return x
print(local_shadow(), x)

def unbound_local():
    try:
        print(counter)
        counter = 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
unbound_local()

def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    inner()
    inner()
    return v
print(outer())

len = lambda s: 99
print(len("abc"))
del len
print(len("abc"))

def uses_builtin():
    return max([3, 1, 2])
max = min
print(uses_builtin())
del max
print(uses_builtin())
print("x" in globals(), globals()["counter"], sorted(k for k in globals() if not k.startswith("__"))[:6])
try:
    print(undefined_name)
except NameError as e:
    print("NameError", e)
def lookups():
    return [name in dir() for name in ("x",)]
print(lookups())
