# f-strings: expressions, conversions, format specs, nested fields, = debugging, quotes, braces.
name = "World"
n = 42
pi = 3.14159265
items = ["a", "b"]
print(f"Hello, {name}!", f"{n + 1}", f"{n * 2 = }", f"{name!r}", f"{name!s}", f"{'é'!a}", f"{n:>8}|{n:<8}|{n:^8}|")
print(f"{pi:.2f} {pi:10.4f} {pi:e} {pi:g} {n:05d} {n:x} {n:#o} {n:b} {n:,} {1234567.891:,.2f} {0.256:.1%}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}] [{name:*^{width}}] [{n:{'+' if n > 0 else ''}d}]")
print(f"{items[0]} {items[-1]} {len(items)} {{literal}} {{{n}}} {'nested ' + 'quotes'} {dict(k=1)['k']}")
print(f"{n if n > 40 else 0} {[x * 2 for x in range(3)]} {(lambda v: v + 1)(1)} {n!r:>5}")
print(f"{pi = :.3f}", f"{name = !r}", f"{ n = }", f"{items=}")
print(f"multi" f"part {n}" "plain" f"{name}")
print(f"{3.0:.0f} {-0.0} {1e20:.3g} {float('inf'):f} {-7:+} {7:+} {7: } {True} {None} {b'x'}")
print(f"""triple {name}
second line {n}""")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
print(f"{P()} {P():xyz} {P():{n}}")
print(f"{'left':<{n // 7}}|", f"{n:c}", f"{'x' * 3}", f"{n:_b}", f"{2 ** 70:,}", f"{-12.5:08.2f}")
d = {"key": "value"}
print(f"{d['key']}", f'{d["key"]}', f"{d!r}", f"{(1, 2)}", f"{'{'}{'}'}")
