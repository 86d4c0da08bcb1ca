# math error messages: domain and range errors, negative arguments to combinatorics, non-integer arguments, overflow.
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-1)", lambda: math.log(-1)),
    ("log(10, 1)", lambda: math.log(10, 1)), ("log(10, 0)", lambda: math.log(10, 0)), ("log2(-2)", lambda: math.log2(-2)),
    ("log10(0)", lambda: math.log10(0)), ("log(0.0)", lambda: math.log(0.0)), ("log(-10**400)", lambda: math.log(-(10 ** 400))),
    ("exp(1000)", lambda: math.exp(1000)), ("pow(10, 400)", lambda: math.pow(10, 400)), ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)), ("acos(2)", lambda: math.acos(2)), ("asin(-1.5)", lambda: math.asin(-1.5)),
    ("sin(inf)", lambda: math.sin(math.inf)), ("cos(-inf)", lambda: math.cos(-math.inf)), ("tan(inf)", lambda: math.tan(math.inf)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)), ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)), ("ldexp(1, 10000)", lambda: math.ldexp(1.0, 10000)),
    ("factorial(-1)", lambda: math.factorial(-1)), ("factorial(2.5)", lambda: math.factorial(2.5)), ("factorial(5.0)", lambda: math.factorial(5.0)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)), ("comb(5, -1)", lambda: math.comb(5, -1)), ("comb(5.0, 2)", lambda: math.comb(5.0, 2)),
    ("perm(-3)", lambda: math.perm(-3)), ("perm(3, -1)", lambda: math.perm(3, -1)), ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("isqrt(2.0)", lambda: math.isqrt(2.0)), ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)), ("lcm('a')", lambda: math.lcm("a")),
    ("floor(inf)", lambda: math.floor(math.inf)), ("ceil(nan)", lambda: math.ceil(math.nan)), ("trunc(inf)", lambda: math.trunc(math.inf)),
    ("floor('x')", lambda: math.floor("x")), ("sqrt('4')", lambda: math.sqrt("4")), ("sqrt(10**400)", lambda: math.sqrt(10 ** 400)),
    ("hypot('a')", lambda: math.hypot("a")), ("dist((1,), (1, 2))", lambda: math.dist((1,), (1, 2))), ("fsum([inf, -inf])", lambda: math.fsum([math.inf, -math.inf])),
    ("fsum([1e308, 1e308])", lambda: math.fsum([1e308, 1e308])), ("isclose(1, 1, rel_tol=-1)", lambda: math.isclose(1, 1, rel_tol=-1)),
    ("atan2('y', 1)", lambda: math.atan2("y", 1)), ("log(1, 1)", lambda: math.log(1, 1)), ("copysign(1)", lambda: math.copysign(1)),
]
for label, fn in cases:
    try:
        print(label, "->", fn())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf), math.atan(math.inf), math.fmod(1, math.inf), math.pow(math.inf, -1), math.hypot(math.inf, math.nan))
print(math.isnan(math.sqrt(math.nan)), math.isnan(math.sin(math.nan)), math.isnan(math.fsum([math.nan])), math.log(10 ** 400) > 900, math.floor(-1e-300))
