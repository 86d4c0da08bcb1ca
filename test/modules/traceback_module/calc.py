def divide(a, b):
    return a / b


def average(values):
    total = sum(values)
    return divide(total, len(values))
