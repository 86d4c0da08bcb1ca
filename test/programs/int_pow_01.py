# pow and ** for ints, negatives, modular pow, float results.
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** -1, 2 ** -2, (-2) ** -3, 0 ** 0, 10 ** 0)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 1000007))
print(pow(7, 0, 1), pow(123456789, 987654321, 1000000007))
print(pow(4, 0.5), 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2, 2.0 ** 10)
print(type(2 ** 2).__name__, type(2 ** -2).__name__, type(pow(2, 2, 3)).__name__)
for bad in [(0, -1), (2, -1, 4)]:
    try:
        print(pow(*bad))
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print("TypeError", e)
print(10 ** 30 // 10 ** 28, 7 ** 23)
x = 3
x **= 4
print(x)
print((-1) ** 1001, (-1) ** 1000, 1 ** -5)
