# Seed chapter 23.12: co_cellvars and co_freevars of a closure.
def outer():
    x = 1

    def inner():
        return x

    return inner

print(outer.__code__.co_cellvars)

inner = outer()
print(inner.__code__.co_freevars)
print(inner())
