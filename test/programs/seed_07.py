# Seed chapter 23.13: closure cells live on the function object, not the code object.
def make_reader(value):
    def read():
        return value
    return read

f = make_reader(42)

print(f.__code__.co_freevars)
print(type(f.__closure__).__name__, len(f.__closure__), type(f.__closure__[0]).__name__)
print(f.__closure__[0].cell_contents)
g = make_reader("other")
print(g.__closure__[0].cell_contents, g.__code__ is f.__code__, f(), g())
