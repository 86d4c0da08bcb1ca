# Seed chapter 23.3: code objects are immutable; replace() makes a modified copy.
def f():
    return 1

new_code = f.__code__.replace(co_name="renamed")
print(new_code.co_name, f.__code__.co_name, new_code is f.__code__)
print(new_code.co_consts, new_code.co_varnames, new_code.co_qualname)
print(new_code == f.__code__)
try:
    f.__code__.co_name = "x"
except AttributeError as e:
    print("AttributeError", e)
f.__code__ = new_code
print(f(), f.__name__, f.__code__.co_name)
