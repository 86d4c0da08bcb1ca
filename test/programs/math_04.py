# math trig and friends with exactly representable or symmetric results, degrees/radians round trips, atan2 quadrants, frexp/ldexp round trips.
import math
for y, x in [(0.0, 1.0), (0.0, -1.0), (-0.0, -1.0), (1.0, 0.0), (-1.0, 0.0), (0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0),
             (1.0, 1.0), (-1.0, -1.0), (math.inf, math.inf), (-math.inf, 1.0), (1.0, -math.inf)]:
    print((y, x), math.atan2(y, x))
print(math.sin(0.0), math.sin(-0.0), math.cos(0.0), math.tan(-0.0), math.asin(0.0), math.acos(1.0), math.atan(0.0), math.atan(-math.inf))
print(math.asin(1.0) == math.pi / 2, math.acos(-1.0) == math.pi, math.acos(0.0) == math.pi / 2, math.atan(1.0) == math.pi / 4)
for deg in [0, 30, 45, 90, 180, 270, 360, -90, 720]:
    r = math.radians(deg)
    print(deg, r, math.degrees(r), round(math.sin(r), 12) + 0.0, round(math.cos(r), 12) + 0.0)
for v in [1.0, 0.5, -3.75, 1e300, 5e-324, 2.0 ** 100, 0.1, -0.0, 123456.789]:
    m, e = math.frexp(v)
    print(v, (m, e), math.ldexp(m, e) == v, 0.5 <= abs(m) < 1 or m == 0)
print(math.sinh(0.0), math.cosh(0.0), math.tanh(0.0), math.tanh(math.inf), math.tanh(-math.inf), math.asinh(0.0), math.acosh(1.0), math.atanh(0.0))
print(math.erf(0.0), math.erfc(0.0), math.erf(math.inf), math.erfc(math.inf), math.gamma(1.0), math.gamma(6.0), math.lgamma(1.0), math.lgamma(2.0))
print(math.exp2(10), math.exp2(-1), round(math.exp2(0.5), 12), math.exp2(1024) if False else math.exp2(-1075))
print(math.nextafter(0.0, 1.0), math.nextafter(1.0, 0.0), math.nextafter(1.0, 1.0), math.ulp(1e300), math.ulp(-1.0), math.ulp(math.inf))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-10, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(1.5, math.inf))
print(math.trunc(-0.0), math.floor(-0.0), math.ceil(-0.4), math.copysign(0.0, -1), math.fabs(math.copysign(0.0, -1)), math.fmod(-0.0, 1), math.fmod(5.5, 2))
