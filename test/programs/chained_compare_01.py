# Chained comparisons: evaluation order, short-circuit, single evaluation of middle operands; identity/membership chains.
def v(x, tag):
    print(f"  eval {tag}")
    return x
print(1 < 2 < 3, 3 > 2 > 1, 1 < 3 < 2, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0, 5 >= 5 <= 5)
print("chain:")
print(v(1, "a") < v(5, "b") < v(3, "c"))
print("short circuit:")
print(v(5, "a") < v(1, "b") < v(3, "c"))
x = 5
print(0 < x < 10, 0 < x < 3, 10 > x > 0 > -1, x in [5] in [[5]], None is None is not False)
print(1 < 2 < 3 < 4 < 5 < 6, 1 < 2 < 3 < 2 < 5, "a" < "b" < "c", [1] < [2] <= [2])
def middle():
    print("  middle called once")
    return 2
print(1 < middle() < 3)
a = [1, 2]
b = a
print(a is b is not None, a == b == [1, 2], 2 in a in [a], 3 not in a is not None)
try:
    1 < "a" < 3
except TypeError as e:
    print("TypeError", e)
print(1 < 2 == 2.0 < 3 != 4)
r = (0 <= x) < True
print(r, (1 < 2) < 3, 1 < (2 < 3))
