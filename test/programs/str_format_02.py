# str.format: automatic/manual numbering, nested replacement fields in specs, attribute/index lookups, conversions, format_map, errors.
class P:
    def __init__(self):
        self.x, self.y = 3, [10, 20]
        self.d = {"key": "v"}
    def __format__(self, spec):
        return f"P<{spec}>"
p = P()
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{name}-{0}".format(9, name="n"))
print("{0.x} {0.y[1]} {0.d[key]} {p.y[0]}".format(p, p=p), "{0[0]}{0[1]}".format("xy"), "{a[b]}".format(a={"b": "dict"}))
print("[{:>{w}}] [{:<{w}.{p}f}] [{:{f}^{w}}]".format("r", 3.14159, "c", w=8, p=2, f="*"), "{:{}{}}".format(42, ">", 6))
print("{!r} {!s} {!a}".format("q", "s", "é"), "{0!r:>10}".format("q"), "{:%}".format(0.25), "{:,}".format(10 ** 9), "{:_b}".format(255))
print("{}".format(p), "{:spec}".format(p), "{0:{1}}".format(p, "nested"), "{0!s:>8}|".format(None), "{:d}".format(True))
print("{{literal}} {{{0}}} {{}}".format(5), "{}{{}}".format(1), "a{}b".format(""), "{:}".format(12), "{0:}".format("e"))
print("{:10}|{:<10}|{:^10}|{:>10}|".format("s", 1, 2.5, True), "{:=+8}|{:08}|{:+08.2f}|".format(5, -5, 2.5))
print("{n:>{w}}".format(n="x", w=3), "{0:{1}.{2}}".format("abcdef", 5, 3), "{x:.{p}e}".format(x=12345.678, p=2))
print("{:c}{:c}{:c}".format(72, 105, 0x263A), "{:#x} {:#o} {:#b} {:X}".format(255, 8, 5, 3054), "{:e}".format(0.0001234))
print("%(a)s and %(b)d" % {"a": "A", "b": 2}, "{0}".format([1, 2]), "{}".format({"k": 1}), "{}".format((1,)))
print("{a}{b}".format_map({"a": 1, "b": 2}), str.format("{}-{}", "x", "y"))
for fmt, args, kwargs in [("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{2}", (1,), {}), ("{a}", (), {}), ("{0.zz}", (1,), {}),
                          ("{0[1]}", ([0],), {}), ("{0[k]}", ({},), {}), ("{!x}", (1,), {}), ("{:zz}", (1,), {}), ("{0:{1}}", (1,), {}),
                          ("{", (), {}), ("}", (), {}), ("{0!}", (1,), {}), ("{:{:{}}}", (1, 2, 3), {}), ("{0.}", (1,), {}), ("{0[}", (1,), {})]:
    try:
        print(repr(fmt), "->", fmt.format(*args, **kwargs))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)
