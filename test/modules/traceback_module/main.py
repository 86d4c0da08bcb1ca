import calc

print(calc.average([1, 2, 3]))
try:
    calc.average([])
except ZeroDivisionError as e:
    print("caught:", e)


def report(values):
    return calc.average(values)


report([])
