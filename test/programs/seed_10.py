# Seed chapter 23.17-23.18: source metadata and co_positions().
def f():
    x = 1
    return x

code = f.__code__

print(code.co_filename)
print(code.co_name)
print(code.co_qualname)
print(code.co_firstlineno)


def g(x):
    return x + 1

for item in g.__code__.co_positions():
    print(item)
print(list(g.__code__.co_lines()))
