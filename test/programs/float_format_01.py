# format() / format specs on floats.
x = 1234.56789
specs = [".2f", ".0f", "10.3f", "<10.1f", ">12.4e", "^12.2f", "+.3f", " .3f", ",.2f", "_.1f", "e", "E",
         ".3g", "g", "G", ".10g", "%", ".1%", "012.3f", "-012.3f", "#.0f", "", "r" if False else ".1e"]
for s in specs:
    print(repr(s), "[" + format(x, s) + "]", "[" + format(-x, s) + "]")
for v in [0.0, 1e-7, 1e16, 123456789.0, 0.000123, 1.5, 2.5, 0.125, 1e300]:
    print(format(v, "g"), format(v, ".3"), format(v, ".2f"), format(v, ".3e"), format(v, ""), str(v))
print(format(float("inf"), ".2f"), format(float("-inf"), "e"), format(float("nan"), "+f"), format(float("inf"), "%"))
print(format(2.675, ".2f"), format(1.005, ".2f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print("%.3f|%10.2f|%-8.1f|%e|%g|%G|%.0e" % (3.14159, 2.5, 1.25, 12345.678, 0.00001234, 1e20, 5.0))
print("{:*^15.3f}|{:=+10.2f}|{:,}|{:.3}".format(3.14159, 2.5, 1234567.891, 2.0))
print(f"{x:.1f} {x:10.2f}| {x:<10.2f}| {x:e} {x:,.3f} {0.25:.0%}")
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.0 / 3, 5), round(-1.5), round(2.5), round(1e20, -19))
print(round(123.456, -1), round(123.456, 0), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
