# format()/hex/oct/bin/ascii/repr builtins on ints and strings: specs with every type letter, alternate forms, errors.
for n in [0, 5, -5, 255, -255, 2 ** 64, -(2 ** 70)]:
    print(n, format(n, "b"), format(n, "#b"), format(n, "o"), format(n, "#o"), format(n, "x"), format(n, "#X"), format(n, "c") if 0 <= n < 1114112 else "-",
          format(n, ","), format(n, "_x"), format(n, "+"), format(n, "e"), format(n, "%"))
for spec in ["10", "<10", "^10", ">10", "=+10", "010", "#010x", "_^12,", "*^+12d", "08b", " d", "-d", ".3"]:
    try:
        print(repr(spec), "[" + format(1234, spec) + "]", "[" + format(-1234, spec) + "]")
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["", "10", "<10", "^10", ">10", ".2", "*^9.3", "s", "=10"]:
    try:
        print(repr(spec), "[" + format("text", spec) + "]")
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for value, spec in [(5, "s"), ("s", "d"), (1.5, "x"), (5, ".2d"), (300, "c"), (-1, "c"), (5, ",c"), (5, "_,"), ("s", ","), ("s", "+"), (5, "z")]:
    try:
        print(format(value, spec))
    except (ValueError, OverflowError, TypeError) as e:
        print(repr(value), repr(spec), type(e).__name__ + ":", e)
print(hex(255), hex(-256), oct(0o777), oct(-1), bin(0), bin(-1), hex(2 ** 100), bin(2 ** 10 - 1))
for bad in [1.5, "10", None]:
    for fn in (hex, oct, bin):
        try:
            fn(bad)
        except TypeError as e:
            print(fn.__name__, "TypeError:", e)
print(ascii(1), ascii("é"), ascii(["ü", 1.5, None]), ascii("\x00\n"), ascii(b"\xff"), ascii(("日",)), repr("日"))
print(format(None), format([1, 2]), format((1,), ""), format({"k": 1}), format(object.__new__(object), "").startswith("<object object"))
try:
    format([1], "10")
except TypeError as e:
    print("TypeError:", e)
print("{:>8}|{:<8}|{:^8}|{:08.3f}|{:+}|{:,}|{:#x}|{!r}|{!a}".format("r", "l", "c", 3.14159, 5, 1234567, 255, "q", "é"))
print("{0}{1}{0}".format("ab", "-"), "{a[0]}{b.real}".format(a=[9], b=3), "{:{w}.{p}}".format(1.23456, w=8, p=3), "{{}}".format())
for fmt, args in [("{", ()), ("}", ()), ("{0}{}", ("a", "b")), ("{1}", ("a",)), ("{x}", ()), ("{0.nope}", (1,)), ("{0[5]}", ([1],)), ("{!z}", (1,))]:
    try:
        fmt.format(*args)
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
