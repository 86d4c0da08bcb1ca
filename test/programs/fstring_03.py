# f-strings: nested replacement fields in specs, conversions combined with specs, = with spaces and specs, escapes.
value = 1234.5678
width = 14
prec = 2
fill = "*"
align = "^"
print(f"[{value:{fill}{align}{width}.{prec}f}]")
print(f"[{value:{width}}] [{value:<{width}.1e}] [{value:>{width},.3f}] [{'txt':{fill}<{width // 2}}]")
for spec in ["", ">8", "<8", "^8", "08.3f", ",", "_.2f", "+.1f", ".3g", ".0%", "e"]:
    print(f"{spec!r:>8}: [{value:{spec}}]")
name = "Ada"
print(f"{name!r:>10}|{name!s:<6}|{name!a}|{'naïve'!a:>12}|{'x'!r:*^7}")
print(f"{name=}", f"{name = }", f"{name=!s}", f"{name=:>6}", f"{value=:.1f}", f"{1 + 2 = }", f"{name.upper()=}")
items = {"a": [1, 2, {"b": "deep"}]}
print(f"{items['a'][2]['b']}", f"{items['a'][-1]!r}", f"{len(items['a']):03d}")
print(f"{{}}", f"{{{name}}}", f"{{name}}", f"a{{b{{c", f"}}")
newline = "\n"
print(f"{newline.join(['line1', 'line2'])}")
print(f"{3:{'>'}{'5'}}", f"{'abc':.{2}}", f"{12:{'#'}x}", f"{-5:{' '}=6}")
def val():
    print("  val evaluated")
    return 7
print(f"{val()} {val()!r} {val():3}")
x = 0.1
print(f"{x + 0.2}", f"{x + 0.2!r}", f"{x + 0.2:.17g}", f"{x * 3 == 0.3}")
print(f"{'tab':>6}|")
print(f'{"double quotes inside single"}', f"{'single inside double'}", f"""{'"both"'}""")
print(f"{name:}", f"{name!s:}", f"{42:}", f"{None}", f"{True:d}", f"{True!s}", f"{3.0:g}", f"{1e100:g}")
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1:] if spec[-1:] in "CF" else "C"
        number_spec = spec[:-1] if spec[-1:] in "CF" else spec
        v = self.c if unit == "C" else self.c * 9 / 5 + 32
        return f"{v:{number_spec}}°{unit}"
t = Temp(21.5)
print(f"{t}", f"{t:.0fF}", f"{t:>8.2fC}", f"{t:.1F}", f"{t=:.1fC}")
