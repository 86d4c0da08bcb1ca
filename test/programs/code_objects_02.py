# co_lines() and co_positions() of small functions: multi-line expressions, loops, try/except, comprehensions; replace().
def simple(x):
    return x + 1

def multi(a,
          b):
    total = (a
             + b)
    if total > 10:
        return "big"
    return [v * 2
            for v in range(total)]

def loop(n):
    acc = 0
    for i in range(n):
        if i % 2:
            continue
        acc += i
    return acc

def handler(f):
    try:
        f()
    except (ValueError, TypeError) as e:
        return str(e)
    return None

for fn in [simple, multi, loop, handler]:
    code = fn.__code__
    print("==", code.co_name, code.co_firstlineno)
    print(" lines:", list(code.co_lines()))
    print(" positions:", list(code.co_positions()))
    print(" n positions == n code units:", len(list(code.co_positions())) == len(code.co_code) // 2)
comp = multi.__code__.co_consts
print([c.co_name for c in comp if hasattr(c, "co_name")])
inner = [c for c in comp if hasattr(c, "co_name")][0]
print(inner.co_varnames, inner.co_argcount, inner.co_flags, list(inner.co_lines())[:3])
r = simple.__code__.replace(co_name="renamed", co_firstlineno=100)
print(r.co_name, r.co_firstlineno, r.co_qualname, list(r.co_lines())[:2], r == simple.__code__)
r2 = simple.__code__.replace(co_consts=(None, 41))
print(r2.co_consts, simple.__code__.co_consts)
