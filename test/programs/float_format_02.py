# Float format specs: g switching points, '#' alternate form, 'z' (3.11), sign/fill/align/width, grouping with e/g, big precision.
for v in [1e-5, 1e-4, 0.0001234, 123456.0, 1234567.0, 1e15, 1e16, 1e17, 0.5, 100.0, 3.0, 1e100, 9.9999e-5]:
    print(f"{v!r:>12}: {v:g} | {v:.3g} | {v:#g} | {v:#.3g} | {v:G} | {v:.0g} | {v:.10g} | {v:}")
for v in [3.0, 3.14159, -2.5, 0.0, -0.0]:
    print(f"{v:#.0f}|{v:#.0e}|{v:#.3}|{v:.0f}|{v:.0e}|{v:e}|{v:.0%}|{v:#.0%}")
for v in [-0.0, -0.0001, -0.4, 0.0, 0.4]:
    print(f"{v:z.0f}|{v:z.2f}|{v:.0f}|{v:z}|{v:z.1e}|{v:+z.0f}|{v: z.1f}")
v = 1234567.891
for spec in ["+", "-", " ", "=+15", "0=15", "*>15", "_<15", "^15", "015,.2f", ",.0f", "_.3e", ",g", "_g", ",.10g",
             ".30f", ".20e", ".17g", ".50g", "15.3%", ",.1%", "x>+20,.2f"]:
    print(f"{spec!r:>12}: [{format(v, spec)}] [{format(-v, spec)}]")
for v in [float("inf"), float("-inf"), float("nan")]:
    print(f"[{v:10}] [{v:<10.2f}] [{v:+e}] [{v:010.1f}] [{v:%}] [{v:G}] [{v:F}] [{v:E}]")
print(format(1e22, "f"), format(1e-10, "f"), format(5e-324, ".3e"), format(5e-324, "g"), format(2 ** 0.5, ".60f"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(1.25, ".1f"))
print(format(12, "f"), format(12, "e"), format(12, "%"), format(12, ".2g"), format(True, ".1f"), format(-5, "08.2f"))
for bad in ["d", "x", "s", ",_", "_,", "=.2q", ".2j"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print("%5.1f|%-8.3e|%+g|%#x|%08.3f|% .2f|%.0f|%.1f" % (2.25, 0.000123, 1e-5, 255, -3.14159, 2.0, 0.5, 0.25))
print("{0:.2f} {0:.2e} {0:.2%} {1:>{2}.{3}f}".format(2 / 3, 1 / 7, 12, 4))
