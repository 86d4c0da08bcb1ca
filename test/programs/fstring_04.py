# f-strings: nested f-strings, conversions before specs, = debugging with expressions and whitespace, multi-line and concatenated pieces.
width = 10
name = "pyvm"
nums = [3.14159, 2.71828, 1.41421]
print(f"{f'{name:>{width}}'!r}", f"{'|'.join(f'{n:.2f}' for n in nums)}", f"{f'{1 + 1}'}", f"""{f'{f"{name}"}'}""")
print(f"{name!r:^12}|{name!s:*<8}|{name!a:>8}|", f"{nums[0]!r:>20}", f"{nums!r:.10}")
print(f"{width=}", f"{width = }", f"{width=!r}", f"{width * 2=}", f"{name.upper()=:>8}", f"{nums[1]=:.3f}", f"{len(nums) == 3=}")
value = 255
print(f"{value:#x} {value:#o} {value:#b} {value:08b} {value:,d} {value:e} {value:%} {value:c}")
print(f"{'a' if value > 100 else 'b'}", f"{[v for v in range(3)]}", f"{ {'k': 1}['k'] }", f"{(lambda q: q * 2)(4)}", f"{value!s:{'>'}{width}}")
multi = (
    f"name={name} "
    f"width={width} "
    "plain "
    f"{value:x}"
)
print(multi)
print(f"""triple {name}
  line two {width}
""", end="")
print(f"{3 + 4}", f"{'{'}{value}{'}'}", f"{{{value}}}", f"{'nested {braces}'}", f"{value}{{", f"}}{value}")
print(f"{'tab':>6}", f"{value:{'<'}{8}}|", f"{value:{'0'}{'>'}{6}}", f"{-value:=+8}")
print(f"{1_000_000:_}", f"{1_000_000:,}", f"{0.000012345:.2e}", f"{12345.6789:.1f}", f"{-0.0:.1f}", f"{1e21:.0f}")
class Chain:
    def __init__(self, v):
        self.v = v
    def __getitem__(self, k):
        return Chain(f"{self.v}[{k}]")
    def __getattr__(self, a):
        return Chain(f"{self.v}.{a}")
    def __str__(self):
        return self.v
c = Chain("root")
print(f"{c.a.b[0].c}", f"{c['x']!s}", f"{str(c.z):>12}")
