# float.hex()/fromhex(): normal, subnormal and special values, accepted input forms, overflow and syntax errors.
for v in [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 0.1, 1 / 3, 1e-300, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
          1.7976931348623157e308, 1024.0, 1.5, 123.456, float("inf"), float("-inf"), float("nan")]:
    h = v.hex()
    back = float.fromhex(h)
    print(repr(v), h, back == v or (v != v and back != back))
for s in ["0x1p0", "0X1P0", "1p0", "0x1", "0x.8", "0x8.", "-0x1.8p+1", "+0x1p-1", " 0x1p3 ", "\t0xAp0\n", "0x1.fffffffffffffp1023",
          "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x3p-1076", "inf", "-Infinity", "nan", "-NaN", "0x0p0", "-0x0p0", "0x1_0p0" if False else "0x10p0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x123456789abcdef0123p-40"]:
    try:
        v = float.fromhex(s)
        print(repr(s), repr(v))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__ + ":", e)
for s in ["", "0x", "x1", "0x1p", "0x1pz", "0xg", "1.2.3", "0x1p1 2", "0x1.fffffffffffff8p1023", "0x1p1024", "0x2p1023"]:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__ + ":", e)
class F(float):
    pass
print(type(F.fromhex("0x1p1")).__name__, F.fromhex("0x1p1"), (2.5).hex(), float.hex(-2.5), (1e100).hex())
try:
    float.hex(1)
except TypeError as e:
    print("TypeError:", e)
