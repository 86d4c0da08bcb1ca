# Seed chapter 23 (code objects): add.__code__'s name, varnames, consts and names.
def add(a, b):
    return a + b

code = add.__code__

print(code.co_name)
print(code.co_varnames)
print(code.co_consts)
print(code.co_names)
print(add(2, 3))
