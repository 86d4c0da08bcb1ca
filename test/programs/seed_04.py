# Seed chapter 23.7: nested code objects live in the enclosing code object's co_consts.
def outer(x):
    def inner(y):
        return x + y
    return inner

outer_code = outer.__code__
print(len(outer_code.co_consts), [type(c).__name__ for c in outer_code.co_consts])

for const in outer_code.co_consts:
    if isinstance(const, type(outer_code)):
        print("nested code:", const.co_name)
print(outer(1)(2), outer(1).__code__ is outer(5).__code__)
