# math trig and friends; printed with limited precision only where libm may legitimately differ in the last ulp.
import math
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1))
print(math.sinh(0), math.cosh(0), math.tanh(0), round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.atanh(0.5), 12))
print(math.erf(0), round(math.erf(1), 12), round(math.erfc(1), 12), math.gamma(5), math.lgamma(1), round(math.gamma(0.5) ** 2, 12))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0), math.nextafter(0.0, -1.0))
pts = [(math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)) for k in range(8)]
print([(round(x, 6) + 0.0, round(y, 6) + 0.0) for x, y in pts])
print(math.floor(1e20), math.ceil(-1e20), math.floor(10 ** 30), math.sqrt(10 ** 30), math.exp(-1000), math.log(10 ** 400))
print(math.isqrt(2 ** 200), math.comb(100, 50), math.perm(10), math.factorial(25) // math.factorial(23))
