# Format-spec mini-language through f-strings and format(): ints, strings, alignment with sign, grouping.
for v in [0, 7, -7, 1234567, -1234567]:
    print(f"|{v:d}|{v:+d}|{v: d}|{v:10d}|{v:<10d}|{v:^10d}|{v:=+10d}|{v:010d}|{v:,}|{v:_}|{v:x}|{v:#X}|")
for s in ["", "a", "hello", "longer text"]:
    print(f"|{s:5}|{s:>5}|{s:^7}|{s:.3}|{s:-<6.2}|{s!r:>8}|")
for f in [0.0, 1.0, -2.5, 1234.5678, 1e-10, 123456789.125]:
    print(f"|{f:f}|{f:.1f}|{f:+.2e}|{f:g}|{f:.3g}|{f:10.2f}|{f:<10.1f}|{f:%}|{f:,.1f}|")
print(format(255, "x"), format(255, "08b"), format(3.5, "n"), format("ab", "^6"), format(10 ** 20, "e"))
print(f"{123:>{'8'}}", f"{'abc':{'>'}{6}}", f"{12:#b}", f"{12:#x}", f"{-12:#o}", f"{65:c}{66:c}")
print(f"{1e300 * 1e10:f}", f"{float('nan'):F}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{-0.5:.0f}")
try:
    f"{'s':d}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{5:s}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{1.5:d}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{5:,x}"
except ValueError as e:
    print("ValueError", e)
